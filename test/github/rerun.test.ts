import { expect, test } from 'vitest';
import { addedFilePatch, BASE_SHA, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { checkRunRerequestedEvent, checkSuiteRerequestedEvent } from './helpers/payloads.js';
import { reviewSteps } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot, parseLogs } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
/** The commit and repository of the `check_run.rerequested` example payload. */
const EXAMPLE_SHA = 'd6fde92930d4715a2b49857d24b940956b26d2d3';

test('suite re-run reviews its pull request', async () => {
  const github = new GitHubMock(undefined, { owner: 'Codertocat', repo: 'Hello-World', installationId: 957387 });
  github.installationToken().getPullRequest(2);
  for (const step of reviewSteps({ files: FILES }).slice(1)) step.register(github);
  const { probot } = await createTestProbot();

  await probot.receive(checkSuiteRerequestedEvent());

  expect(github.requestLines.slice(0, 4)).toEqual([
    'POST /app/installations/957387/access_tokens',
    'GET /repos/Codertocat/Hello-World/pulls/2',
    `GET /repos/Codertocat/Hello-World/commits/${HEAD_SHA}/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`,
    'POST /repos/Codertocat/Hello-World/check-runs',
  ]);
  expect(github.bodiesOf('PATCH /repos/Codertocat/Hello-World/check-runs/4242')).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure' })]);
  expect(github.bodiesOf('POST /repos/Codertocat/Hello-World/pulls/2/reviews')).toHaveLength(1);
  expect(github.validationErrors).toEqual([]);
});

test('run re-run finds a fork pull request by commit', async () => {
  const repository = { owner: 'github', repo: 'hello-world', installationId: 1 };
  const github = new GitHubMock(undefined, repository).installationToken().pullRequestsOfCommit(EXAMPLE_SHA, [{ number: 7 }]).getPullRequest(7, { headSha: EXAMPLE_SHA });
  github
    .listCheckRuns([], EXAMPLE_SHA)
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES, 7)
    .tree([{ path: 'rules/api.yml', text: PROBLEM_RULES }], { sha: EXAMPLE_SHA })
    .blobs(FILES)
    .updateCheckRun()
    .reviewState()
    .createReview(200, 7);
  const { probot } = await createTestProbot();

  await probot.receive(checkRunRerequestedEvent());

  expect(github.requestLines.slice(0, 3)).toEqual([
    'POST /app/installations/1/access_tokens',
    `GET /repos/github/hello-world/commits/${EXAMPLE_SHA}/pulls`,
    'GET /repos/github/hello-world/pulls/7',
  ]);
  const [review] = github.bodiesOf('POST /repos/github/hello-world/pulls/7/reviews') as { commit_id: string }[];
  expect(review?.commit_id).toBe(EXAMPLE_SHA);
  expect(github.validationErrors).toEqual([]);
});

test('re-run of another check is ignored', async () => {
  const event = checkRunRerequestedEvent('delivery-other', 999);
  const { probot, logs } = await createTestProbot();

  await probot.receive(event);

  expect(parseLogs(logs).some((entry) => entry.msg === 'Finished the promgate review')).toBe(false);
});

test('re-run of an outdated commit is skipped', async () => {
  const github = new GitHubMock(undefined, { owner: 'Codertocat', repo: 'Hello-World', installationId: 957387 }).installationToken().getPullRequest(2, { headSha: 'ffffffffffffffffffffffffffffffffffffffff' });
  const { probot, logs } = await createTestProbot();

  await probot.receive(checkSuiteRerequestedEvent());

  expect(github.requestLines).toEqual(['POST /app/installations/957387/access_tokens', 'GET /repos/Codertocat/Hello-World/pulls/2']);
  expect(parseLogs(logs).find((entry) => entry.msg === 'Skipped a re-run for a pull request that is closed or has newer commits')).toMatchObject({ pullRequest: 2, requestedSha: HEAD_SHA });
});
