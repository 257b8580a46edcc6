import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { expectedComment } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, GitHubMock } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
const FINDINGS = lint({ files: [{ path: 'rules/api.yml', text: PROBLEM_RULES }], policy: loadPolicy(undefined, POLICY_PATH) }).findings;
const COMMENTS = FINDINGS.map((finding) => expectedComment(finding, finding.line!) as { body: string });

test('push repeats only new comments', async () => {
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES)
    .blobs(FILES)
    .updateCheckRun()
    .reviewComments([COMMENTS[0]!.body, 'Looks fine to me.', COMMENTS[2]!.body])
    .createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { comments: unknown[] }[];
  expect(review?.comments).toEqual(COMMENTS.filter((_, index) => index !== 0 && index !== 2));
});

test('redelivered event posts no second review', async () => {
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES)
    .blobs(FILES)
    .updateCheckRun()
    .reviewComments(COMMENTS.map((comment) => comment.body));
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  expect(github.requestLines.at(-1)).toBe(`GET ${REPOSITORY}/pulls/2/comments?per_page=100`);
});
