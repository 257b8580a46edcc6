import { validate } from '@octokit/graphql-schema';
import { expect, test } from 'vitest';
import { GRAPHQL_DOCUMENTS } from '../../src/github/review-queries.js';

test.each(GRAPHQL_DOCUMENTS.map((document) => [/^\w+ (\w+)/.exec(document)?.[1] ?? '?', document]))('%s is valid against GitHub schema', (_name, document) => {
  expect(validate(document).map((error) => error.message)).toEqual([]);
});

test('invalid field fails validation', () => {
  // Guards the check itself: a document the schema rejects must produce errors.
  expect(validate('query { repository(owner: "a", name: "b") { pullRequest(number: 1) { noSuchField } } }')).not.toEqual([]);
});
