import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';

interface ExampleEvent {
  name: string;
  examples: { action: string; installation?: unknown }[];
}

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as ExampleEvent[];

test.each(['opened', 'synchronize', 'reopened'])('pull_request.%s fixture matches the package example', (action) => {
  const fixture: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/webhooks/pull_request.${action}.json`, import.meta.url), 'utf8'));
  const candidates = examples.find((event) => event.name === 'pull_request')?.examples.filter((example) => example.action === action && example.installation !== undefined);
  expect(candidates).toContainEqual(fixture);
});
