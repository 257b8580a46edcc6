import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';

interface ExampleEvent {
  name: string;
  examples: { action: string; installation?: unknown }[];
}

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as ExampleEvent[];

test.each([
  ['pull_request', 'opened'],
  ['pull_request', 'synchronize'],
  ['pull_request', 'reopened'],
  ['check_run', 'rerequested'],
  ['check_suite', 'rerequested'],
  ['issue_comment', 'created'],
])('%s.%s fixture matches the package example', (name, action) => {
  const fixture: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/webhooks/${name}.${action}.json`, import.meta.url), 'utf8'));
  const candidates = examples.find((event) => event.name === name)?.examples.filter((example) => example.action === action && example.installation !== undefined);
  expect(candidates).toContainEqual(fixture);
});
