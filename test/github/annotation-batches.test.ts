import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { MAX_REVIEW_COMMENTS } from '../../src/github/review-plan.js';
import { expectedAnnotation, expectedComment, expectedTitle } from './helpers/expected-requests.js';
import { addedFilePatch, GitHubMock } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { mockReview } from './helpers/review-flow.js';
import { manyProblemRules } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';

interface CheckRunUpdateBody {
  status: string;
  conclusion?: string;
  completed_at?: string;
  output: { title: string; summary: string; annotations?: unknown[] };
}

test.each([60, 120])('%i problematic rules', async (rules) => {
  const text = manyProblemRules(rules);
  const files: ListedFile[] = [{ filename: 'rules/many.yml', status: 'added', text, patch: addedFilePatch(text), additions: text.split('\n').length - 1 }];
  const { findings } = lint({ files: [{ path: 'rules/many.yml', text }], policy: loadPolicy(undefined, POLICY_PATH) });
  expect(findings.filter((finding) => finding.check === 'yaml/schema')).toHaveLength(rules);
  const batches = Math.ceil(findings.length / 50);

  const github = mockReview(new GitHubMock(), { files, updates: batches });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  // One check run, completed by its last update, with every finding annotated 50 at a time.
  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(1);
  const updates = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
  expect(updates.map((update) => update.status)).toEqual([...Array<string>(batches - 1).fill('in_progress'), 'completed']);
  expect(updates.map((update) => update.output.annotations?.length)).toEqual(Array.from({ length: batches }, (_, index) => Math.min(50, findings.length - index * 50)));
  expect(updates.flatMap((update) => update.output.annotations ?? [])).toEqual(findings.map(expectedAnnotation));

  // Every update repeats the final title and summary, and only the last one concludes.
  expect(new Set(updates.map((update) => update.output.title))).toEqual(new Set([expectedTitle(findings)]));
  expect(new Set(updates.map((update) => update.output.summary)).size).toBe(1);
  expect(updates[0]!.output.summary.length).toBeLessThanOrEqual(65_535);
  expect(updates.at(-1)).toMatchObject({ conclusion: 'failure', completed_at: COMPLETED_AT.toISOString() });
  expect(updates.slice(0, -1).every((update) => update.conclusion === undefined)).toBe(true);

  // One review: 50 inline comments, the rest listed in its body.
  const reviews = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { body: string; comments: unknown[] }[];
  expect(reviews).toHaveLength(1);
  expect(reviews[0]?.comments).toEqual(findings.slice(0, MAX_REVIEW_COMMENTS).map((finding) => expectedComment(finding)));
  expect(reviews[0]?.body).toContain(`**On changed lines, without an inline comment because a review carries at most ${MAX_REVIEW_COMMENTS}:**`);
  expect(reviews[0]?.body.match(/^- \*\*/gm)).toHaveLength(findings.length - MAX_REVIEW_COMMENTS);
  expect(github.validationErrors).toEqual([]);
});
