import { expect, test, vi } from 'vitest';
import { PolicyError } from '../../src/policy/policy-error.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { addedFilePatch, BASE_SHA, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';
import type { PolicyLoader } from '../../src/github/load-policy.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const FILES: ListedFile[] = [
  { filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) },
  { filename: 'vendor/upstream.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) },
];

test('policy is read from the base commit', async () => {
  const policyText = 'exclude: ["vendor/**"]\n';
  const loader = vi.fn<PolicyLoader>(loadPolicy);
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, policyText)
    .pullRequestFiles(FILES)
    .blobs(FILES.slice(0, 1))
    .updateCheckRun()
    .reviewComments([])
    .createReview();
  const { probot } = await createTestProbot({ loadPolicy: loader });

  await probot.receive(pullRequestEvent('opened', { changedFiles: 2 }));

  expect(github.requestLines[2]).toBe(`GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`);
  expect(github.requestLines.join('\n')).not.toContain(HEAD_SHA);
  expect(loader.mock.calls).toEqual([[policyText, POLICY_PATH]]);

  // The excluded vendor file is neither read nor annotated.
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string; annotations: { path: string }[] } }[];
  expect(new Set(update?.output.annotations.map((annotation) => annotation.path))).toEqual(new Set(['rules/api.yml']));
  expect(update?.output.summary).toContain('The policy comes from `.github/promgate.yml` on `master` at `f95f852`.');
  expect(github.bodyErrors).toEqual([]);
});

test('policy failing on warnings fails the check', async () => {
  const files: ListedFile[] = [{ filename: 'rules/empty.yml', status: 'added', text: 'groups: []\n', patch: addedFilePatch('groups: []\n') }];
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, 'fail_on: info\n').pullRequestFiles(files).blobs(files).updateCheckRun().reviewComments([]).createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string; summary: string } }[];
  expect(update?.output.title).toBe('1 info');
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.summary).toContain('Any finding fails this check.');
});

test('invalid policy fails the check with the error', async () => {
  const error = new PolicyError([
    { file: POLICY_PATH, line: 1, column: 10, keyPath: 'fail_on', message: 'invalid value "sometimes"; expected one of error, warning, info.' },
  ]);
  const loader: PolicyLoader = () => {
    throw error;
  };
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, 'fail_on: sometimes\n').updateCheckRun();
  const { probot } = await createTestProbot({ loadPolicy: loader });

  await probot.receive(pullRequestEvent('opened'));

  expect(github.requestLines).toEqual([
    'POST /app/installations/1/access_tokens',
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
  ]);
  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'failure',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: 'Invalid promgate policy',
        summary: [
          'promgate could not use the policy in `.github/promgate.yml` on `master` (at `f95f852`), so it linted nothing and fails this check instead of passing unchecked changes:',
          '> the policy is invalid:\n> .github/promgate.yml:1:10: fail_on: invalid value "sometimes"; expected one of error, warning, info.',
          'Fix `.github/promgate.yml` on `master`. promgate reads the policy from the base branch so that a pull request cannot switch its own gate off; a pull request that fixes the file therefore fails this check too until the fix is merged.',
        ].join('\n\n'),
      },
    },
  ]);
  expect(github.bodyErrors).toEqual([]);
});

test('real policy error reaches the summary', async () => {
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, 'fail_on: sometimes\n').updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened'));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string; summary: string } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.title).toBe('Invalid promgate policy');
  expect(update?.output.summary).toContain('> the policy is invalid:\n> .github/promgate.yml:1:');
  expect(update?.output.summary).toContain('fail_on');
});

test('policy path that is a directory is invalid', async () => {
  const github = new GitHubMock().installationToken().createCheckRun().updateCheckRun();
  github.policyDirectory(BASE_SHA);
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened'));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { title: string; summary: string } }[];
  expect(update?.output.title).toBe('Invalid promgate policy');
  expect(update?.output.summary).toContain('> `.github/promgate.yml` is a directory, not a file. Replace it with a YAML policy file.');
});
