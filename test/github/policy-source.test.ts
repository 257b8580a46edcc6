import { expect, test, vi } from 'vitest';
import { lint } from '../../src/lint.js';
import { PolicyError } from '../../src/policy/policy-error.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { POLICY_FILE_CHECK } from '../../src/github/policy-change.js';
import { expectedAnnotation } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { mockReview } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';
import type { PolicyLoader } from '../../src/github/load-policy.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const RULES: ListedFile = { filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) };
const RULE_FINDINGS = lint({ files: [{ path: 'rules/api.yml', text: PROBLEM_RULES }], policy: loadPolicy(undefined, POLICY_PATH) }).findings;

interface UpdateBody {
  conclusion: string;
  output: { title: string; summary: string; annotations?: unknown[] };
}

test('policy is read from the base commit', async () => {
  const policyText = 'exclude: ["vendor/**"]\n';
  const loader = vi.fn<PolicyLoader>(loadPolicy);
  const files: ListedFile[] = [RULES, { filename: 'vendor/upstream.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
  const github = mockReview(new GitHubMock(), { files, tree: [{ path: 'rules/api.yml', text: PROBLEM_RULES }], policy: policyText });
  const { probot } = await createTestProbot({ loadPolicy: loader });

  await probot.receive(pullRequestEvent('opened', { changedFiles: 2 }));

  expect(github.requestLines[3]).toBe(`GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`);
  expect(loader.mock.calls).toEqual([[policyText, POLICY_PATH]]);

  // The excluded vendor file is neither read nor annotated.
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string; annotations: { path: string }[] } }[];
  expect(new Set(update?.output.annotations.map((annotation) => annotation.path))).toEqual(new Set(['rules/api.yml']));
  expect(update?.output.summary).toContain('The policy comes from `.github/promgate.yml` on `master` at `f95f852`.');
  expect(github.validationErrors).toEqual([]);
});

test('policy failing on info fails the check', async () => {
  const files: ListedFile[] = [{ filename: 'rules/empty.yml', status: 'added', text: 'groups: []\n', patch: addedFilePatch('groups: []\n') }];
  const github = mockReview(new GitHubMock(), { files, policy: 'fail_on: info\n' });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
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
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, 'fail_on: sometimes\n').updateCheckRun();
  const { probot } = await createTestProbot({ loadPolicy: loader });

  await probot.receive(pullRequestEvent('opened'));

  expect(github.requestLines.slice(2)).toEqual([`POST ${REPOSITORY}/check-runs`, `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`, `PATCH ${REPOSITORY}/check-runs/4242`]);
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
  expect(github.validationErrors).toEqual([]);
});

test('real policy error reaches the summary', async () => {
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, 'fail_on: sometimes\n').updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened'));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.title).toBe('Invalid promgate policy');
  expect(update?.output.summary).toContain('> the policy is invalid:\n> .github/promgate.yml:1:');
  expect(update?.output.summary).toContain('fail_on');
});

test('policy path that is a directory is invalid', async () => {
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyDirectory(BASE_SHA).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened'));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
  expect(update?.output.title).toBe('Invalid promgate policy');
  expect(update?.output.summary).toContain('> `.github/promgate.yml` is a directory, not a file. Replace it with a YAML policy file.');
});

test('policy edit cannot switch the gate off', async () => {
  // The pull request turns every finding of its own rules off; the base branch has no policy.
  const disabling = ['include: ["nothing/**"]', 'fail_on: error', 'checks:', '  yaml/schema:', '    enabled: false', ''].join('\n');
  const policyEdit: ListedFile = { filename: POLICY_PATH, status: 'added', text: disabling, patch: addedFilePatch(disabling) };
  const files: ListedFile[] = [RULES, policyEdit];
  const github = mockReview(new GitHubMock(), { files, policy: undefined });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 2 }));

  expect(github.requestLines.join('\n')).not.toContain(`contents/.github%2Fpromgate.yml?ref=${HEAD_SHA}`);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual(RULE_FINDINGS.map(expectedAnnotation));
  expect(update?.output.summary).toContain(
    'This pull request changes `.github/promgate.yml`. promgate judged it by the policy on `master`, because a pull request must not change the gate that judges it; the new policy takes effect after the merge.',
  );
  expect(github.validationErrors).toEqual([]);
});

test('invalid policy edit is a finding', async () => {
  const invalid = 'fail_on: sometimes\nchecks:\n  alerts/forr:\n    enabled: false\n';
  const policyEdit: ListedFile = { filename: POLICY_PATH, status: 'modified', text: invalid, patch: addedFilePatch(invalid) };
  const github = mockReview(new GitHubMock(), { files: [policyEdit], policy: undefined });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual([
    expect.objectContaining({ path: POLICY_PATH, start_line: 1, title: POLICY_FILE_CHECK, annotation_level: 'failure' }),
    expect.objectContaining({ path: POLICY_PATH, start_line: 3, title: POLICY_FILE_CHECK, annotation_level: 'failure' }),
  ]);
  expect(update?.output.summary).toContain('The new policy is invalid: `fail_on`: invalid value "sometimes"; expected one of error, warning, info.');
  expect(update?.output.summary).toContain('The new policy is invalid; the findings on `.github/promgate.yml` name each problem.');
  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { comments: { path: string; line: number }[] }[];
  expect(review?.comments.map((comment) => [comment.path, comment.line])).toEqual([
    [POLICY_PATH, 1],
    [POLICY_PATH, 3],
  ]);
});

test('policy deletion is noted', async () => {
  const files: ListedFile[] = [RULES, { filename: POLICY_PATH, status: 'removed', patch: '@@ -1 +0,0 @@\n-fail_on: warning', additions: 0, deletions: 1 }];
  const github = mockReview(new GitHubMock(), { files, policy: 'fail_on: warning\n' });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 2 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as UpdateBody[];
  expect(update?.output.summary).toContain('This pull request deletes `.github/promgate.yml`. promgate judged it by the policy on `master`; after the merge, the default policy applies.');
  expect(update?.output.summary).toContain('Findings of severity `warning` or `error` fail this check.');
});
