import { expect, test } from 'vitest';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { fingerprint } from '../../src/github/review-fingerprint.js';
import { lint } from '../../src/lint.js';
import { expectedSummary } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, GitHubMock } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { checkSuiteRerequestedEvent, pullRequestEvent } from './helpers/payloads.js';
import { mockReview } from './helpers/review-flow.js';
import { CLEAN_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { PullRequestInfo } from '../../src/checks/check.js';
import type { Finding } from '../../src/finding.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const SERVICES_POLICY = 'services:\n  checkout:\n    paths: ["services/checkout/**"]\n';
const CODE_CHANGE: ListedFile = { filename: 'services/checkout/main.go', status: 'modified', text: 'package main\n', patch: '@@ -1 +1 @@\n-package old\n+package main' };
const POLICY_SENTENCE = 'The policy comes from `.github/promgate.yml` on `master` at `f95f852`.';
const CHANGED_SCOPE = 'It reports findings on the rules, groups and scrape jobs this pull request changes (`report: changed`).';
/** The description of the `pull_request` fixtures. */
const FIXTURE_BODY = 'This is a pretty simple change that we need to pull into master.';

function pullRequestFindings(policyText: string, pullRequest: PullRequestInfo): Finding[] {
  return lint({ files: [], policy: loadPolicy(policyText, POLICY_PATH), pullRequest }).findings;
}

test('code change without monitoring gets dod/monitoring', async () => {
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, SERVICES_POLICY).pullRequestFiles([CODE_CHANGE]).updateCheckRun().reviewState().createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const findings = pullRequestFindings(SERVICES_POLICY, { changedFiles: ['services/checkout/main.go'], labels: ['bug'], body: FIXTURE_BODY });
  expect(findings.map((finding) => [finding.check, finding.file])).toEqual([['dod/monitoring', undefined]]);
  expect(github.requestLines).toEqual([
    'POST /app/installations/1/access_tokens',
    `GET ${REPOSITORY}/commits/ec26c3e57ca3a959ca5aad62de7213c562f8c821/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`,
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
    'POST /graphql',
    'POST /graphql',
    `POST ${REPOSITORY}/pulls/2/reviews`,
  ]);
  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'success',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: '1 warning',
        summary: expectedSummary(findings, [
          `This pull request changes no file that promgate lints, so promgate checked only the pull request as a whole at \`ec26c3e\`. ${POLICY_SENTENCE}`,
          `${CHANGED_SCOPE} Findings of severity \`error\` fail this check.`,
        ]),
      },
    },
  ]);
  const finding = findings[0]!;
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toEqual([
    {
      commit_id: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      event: 'COMMENT',
      body: [
        'promgate found 1 new problem in the changes of this pull request: 1 warning.',
        '**About the pull request as a whole:**',
        `- **warning** [\`dod/monitoring\`](${finding.docs}): ${finding.message}\n\n  Fix: ${finding.fix}`,
        'The `promgate` check run lists every finding of this pull request.',
        `<!-- promgate:fingerprint=${fingerprint(finding, 0)} -->`,
      ].join('\n\n'),
      comments: [],
    },
  ]);
  expect(github.validationErrors).toEqual([]);
});

test('waiver label silences dod/monitoring', async () => {
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, SERVICES_POLICY).pullRequestFiles([CODE_CHANGE]).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1, labels: ['monitoring-not-needed'] }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string } }[];
  expect(update?.conclusion).toBe('success');
  expect(update?.output.title).toBe('No monitoring configuration changed');
  expect(github.requestLines.some((line) => line.endsWith('/reviews'))).toBe(false);
});

test('ticked waiver item silences dod/monitoring', async () => {
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, SERVICES_POLICY).pullRequestFiles([CODE_CHANGE]).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1, body: 'Refactoring only.\n\n- [x] monitoring not needed\n' }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { title: string } }[];
  expect(update?.output.title).toBe('No monitoring configuration changed');
});

test('pull request finding decides conclusion', async () => {
  const policy = `fail_on: warning\n${SERVICES_POLICY}`;
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, policy).pullRequestFiles([CODE_CHANGE]).updateCheckRun().reviewState().createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string; summary: string; annotations?: unknown[] } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.title).toBe('1 warning');
  expect(update?.output.summary).toContain('### Pull request');
  expect(update?.output.annotations).toBeUndefined();
});

test('pull request finding beside linted files', async () => {
  const files: ListedFile[] = [CODE_CHANGE, { filename: 'rules/api.yml', status: 'added', text: CLEAN_RULES, patch: addedFilePatch(CLEAN_RULES) }];
  const github = mockReview(new GitHubMock(), { files, tree: [{ path: 'rules/api.yml', text: CLEAN_RULES }], policy: SERVICES_POLICY });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 2 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { title: string; summary: string } }[];
  expect(update?.output.title).toBe('1 warning');
  expect(update?.output.summary).toContain('promgate linted the 1 changed file of this pull request at `ec26c3e` (2 rules).');
  expect(update?.output.summary).toContain("This change modifies the code of service `checkout` (`services/checkout/main.go`) but none of its monitoring");
  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { body: string; comments: unknown[] }[];
  expect(review?.body).toContain('**About the pull request as a whole:**');
  expect(review?.comments).toEqual([]);
  expect(github.validationErrors).toEqual([]);
});

test('re-run reads labels again', async () => {
  const github = new GitHubMock(undefined, { owner: 'Codertocat', repo: 'Hello-World', installationId: 957387 })
    .installationToken()
    .getPullRequest(2, { labels: ['monitoring-not-needed'] })
    .listCheckRuns()
    .createCheckRun()
    .policyFile(BASE_SHA, SERVICES_POLICY)
    .pullRequestFiles([CODE_CHANGE])
    .updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(checkSuiteRerequestedEvent());

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { title: string } }[];
  expect(update?.output.title).toBe('No monitoring configuration changed');
});

test('re-run without the label reports', async () => {
  const github = new GitHubMock(undefined, { owner: 'Codertocat', repo: 'Hello-World', installationId: 957387 })
    .installationToken()
    .getPullRequest(2, { labels: ['bug'] })
    .listCheckRuns()
    .createCheckRun()
    .policyFile(BASE_SHA, SERVICES_POLICY)
    .pullRequestFiles([CODE_CHANGE])
    .updateCheckRun()
    .reviewState()
    .createReview();
  const { probot } = await createTestProbot();

  await probot.receive(checkSuiteRerequestedEvent());

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { title: string } }[];
  expect(update?.output.title).toBe('1 warning');
});
