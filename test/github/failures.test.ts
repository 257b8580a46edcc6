import { expect, test } from 'vitest';
import { addedFilePatch, BASE_SHA, blobSha, GitHubMock, INSTALLATION_TOKEN } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];

function parseLogs(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('blob server error fails the check run', async () => {
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES)
    .blobFailure(blobSha(PROBLEM_RULES), 500)
    .updateCheckRun();
  const { probot, logs } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-500'));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { status: string; conclusion: string; completed_at: string; output: { title: string; summary: string } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.completed_at).toBe(COMPLETED_AT.toISOString());
  expect(update?.output.title).toBe('promgate could not finish');
  expect(update?.output.summary).toMatch(/^promgate failed to read the changed files:\n\n> Server Error/);
  expect(update?.output.summary).toContain('report it with the webhook delivery id `delivery-500`.');

  const failure = parseLogs(logs).find((entry) => entry.msg === 'promgate failed to read the changed files');
  expect(failure).toMatchObject({ level: 50, id: 'delivery-500', repository: 'Codertocat/Hello-World', pullRequest: 2, checkRunId: 4242 });
  expect(github.bodyErrors).toEqual([]);
});

test('rejected review is logged, not thrown', async () => {
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES)
    .blobs(FILES)
    .updateCheckRun()
    .reviewComments([])
    .createReview(422);
  const { probot, logs } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string }[];
  expect(update?.conclusion).toBe('failure');
  const failure = parseLogs(logs).find((entry) => entry.msg === 'promgate failed to post the review');
  expect(failure).toMatchObject({ level: 50, status: 422, repository: 'Codertocat/Hello-World', pullRequest: 2 });
});

test('logs name the delivery and never the token', async () => {
  new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(FILES)
    .blobs(FILES)
    .updateCheckRun()
    .reviewComments([])
    .createReview();
  const { probot, logs } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-logs'));

  const entries = parseLogs(logs);
  expect(entries.filter((entry) => entry.id === 'delivery-logs' && entry.repository === 'Codertocat/Hello-World' && entry.pullRequest === 2).map((entry) => entry.msg)).toEqual([
    'Started the promgate check run',
    'Completed the promgate check run',
    'Posted the promgate review',
  ]);
  expect(logs.join('\n')).not.toContain(INSTALLATION_TOKEN);
});
