import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { expectedAnnotation, expectedComment, expectedTitle } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, GitHubMock } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
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

test('more than 50 findings go out in batches', async () => {
  const text = manyProblemRules(120);
  const files: ListedFile[] = [{ filename: 'rules/many.yml', status: 'added', text, patch: addedFilePatch(text) }];
  const { findings } = lint({ files: [{ path: 'rules/many.yml', text }], policy: loadPolicy(undefined, POLICY_PATH) });
  expect(findings.filter((finding) => finding.check === 'yaml/schema')).toHaveLength(120);
  const batches = Math.ceil(findings.length / 50);

  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(files)
    .blobs(files)
    .updateCheckRun(batches)
    .reviewComments([])
    .createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const updates = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
  expect(updates.map((update) => update.status)).toEqual([...Array<string>(batches - 1).fill('in_progress'), 'completed']);
  expect(updates.map((update) => update.output.annotations?.length)).toEqual(
    Array.from({ length: batches }, (_, index) => Math.min(50, findings.length - index * 50)),
  );
  expect(updates.flatMap((update) => update.output.annotations ?? [])).toEqual(findings.map(expectedAnnotation));

  // Every update repeats the final title and summary, and only the last one concludes.
  expect(new Set(updates.map((update) => update.output.title))).toEqual(new Set([expectedTitle(findings)]));
  expect(new Set(updates.map((update) => update.output.summary)).size).toBe(1);
  expect(updates.at(-1)).toMatchObject({ conclusion: 'failure', completed_at: COMPLETED_AT.toISOString() });
  expect(updates.slice(0, -1).every((update) => update.conclusion === undefined)).toBe(true);

  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { body: string; comments: unknown[] }[];
  expect(review?.comments).toEqual(findings.slice(0, 50).map((finding) => expectedComment(finding, finding.line!)));
  expect(review?.body).toContain(`${findings.length - 50} more in the changed lines have no comment, to keep this review readable.`);
  expect(github.bodyErrors).toEqual([]);
});
