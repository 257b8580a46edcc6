import { describe, expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { fingerprint, fingerprintMarker } from '../../src/github/review-fingerprint.js';
import { expectedAnnotation, expectedComment } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, GitHubMock, HEAD_SHA, INSTALLATION_TOKEN } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { reviewSteps, treeOf } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot, parseLogs } from './helpers/test-probot.js';
import type { Finding } from '../../src/finding.js';
import type { Fault, ListedFile } from './helpers/github-mock.js';
import type { ReviewFlow, ReviewStep } from './helpers/review-flow.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const PROMETHEUS_CONFIG = 'global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:9090"]\n        labels:\n          env: prod\n';
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
/** An earlier comment of promgate on a finding that no longer exists, which the review resolves. */
const FIXED_THREAD = { id: 'PRRT_fixed', comments: [{ id: 'PRRC_fixed', body: `Old problem.\n\n${fingerprintMarker('00000000000000aa')}`, viewerDidAuthor: true }] };
const FLOW: ReviewFlow = {
  files: FILES,
  tree: [{ path: 'prometheus/prometheus.yml', text: PROMETHEUS_CONFIG }, { path: 'rules/api.yml', text: PROBLEM_RULES }],
  threads: [FIXED_THREAD],
  resolves: ['PRRT_fixed'],
};
/** The findings the review reports: those in the added file; the unchanged Prometheus config only gives context. */
const FINDINGS = lint({ files: treeOf(FLOW), policy: loadPolicy(undefined, POLICY_PATH) }).findings.filter((finding) => finding.file === 'rules/api.yml');

function fingerprintOf(finding: Finding): string {
  return fingerprint(finding, 0);
}

interface CheckRunUpdateBody {
  status: string;
  conclusion?: string;
  completed_at?: string;
  output: { title: string; summary: string; annotations?: unknown[] };
}

function mockSteps(github: GitHubMock, steps: readonly ReviewStep[], faultAt: number, fault: Fault): GitHubMock {
  steps.forEach((step, index) => {
    if (index === faultAt) github.fault(fault);
    step.register(github);
  });
  return github;
}

/** Registers the review's steps named in `include`, or all of them, with the steps in `overrides` registered their way. */
function registerSteps(github: GitHubMock, include: readonly string[] | 'all', overrides: Record<string, (mock: GitHubMock) => void> = {}): GitHubMock {
  for (const step of STEPS) {
    const override = overrides[step.name];
    if (override !== undefined) override(github);
    else if (include === 'all' || include.includes(step.name)) step.register(github);
  }
  return github;
}

function stepIndex(name: string): number {
  const index = STEPS.findIndex((step) => step.name === name);
  if (index === -1) throw new Error(`no step ${name}`);
  return index;
}

/** Registers step `name` with a 422 as its only response, because the App does not retry a 422. */
function answer422(name: string): (github: GitHubMock) => void {
  return (github) => STEPS[stepIndex(name)]!.register(github.fault('422', { replace: true }));
}

/** Returns the names of the review's steps before `name`. */
function stepsBefore(name: string): string[] {
  return STEPS.slice(0, stepIndex(name)).map((step) => step.name);
}

function lintAlone(path: string): Finding[] {
  const file = treeOf(FLOW).find((entry) => entry.path === path)!;
  return lint({ files: [file], policy: loadPolicy(undefined, POLICY_PATH) }).findings;
}

/** The review's results, which a transient fault must not change. */
function expectCompleteReview(github: GitHubMock): void {
  const updates = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
  expect(updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure', completed_at: COMPLETED_AT.toISOString() });
  expect(updates.flatMap((update) => update.output.annotations ?? [])).toEqual(FINDINGS.map(expectedAnnotation));
  const reviews = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { comments: unknown[] }[];
  expect(reviews.at(-1)?.comments).toEqual(FINDINGS.map((finding) => expectedComment(finding)));
  expect(github.graphqlOperations.at(-1)).toBe('PromgateResolveThread');
  expect(github.validationErrors).toEqual([]);
}

const STEPS = reviewSteps(FLOW);
// Probot requests the installation token itself, through its own client without promgate's retries.
const FAULTABLE = STEPS.map((step, index) => ({ step: step.name, index })).filter((entry) => entry.step !== 'installation token');

describe.each(['500', 'timeout', 'secondary-rate-limit'] as const)('transient %s', (fault) => {
  test.each(FAULTABLE)('at $step is retried', async ({ index }) => {
    const { probot, timers } = await createTestProbot({ retries: true });
    const github = mockSteps(new GitHubMock(timers), STEPS, index, fault);

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, `delivery-${fault}-${index}`));

    expectCompleteReview(github);
    expect(github.requests.length, 'one request more than the steps, for the retry').toBe(STEPS.length + 1);
  });
});

test('primary rate limit is retried', async () => {
  const { probot, logs } = await createTestProbot({ retries: true });
  const github = mockSteps(new GitHubMock(), STEPS, stepIndex('list files'), 'primary-rate-limit');

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  expectCompleteReview(github);
  const warning = parseLogs(logs).find((entry) => entry.limit === 'primary');
  expect(warning).toMatchObject({ level: 40, method: 'GET', retryCount: 0 });
  expect(warning?.retryAfterSeconds).toBeGreaterThanOrEqual(30);
});

test('secondary rate limit waits for retry-after', async () => {
  const { probot, logs } = await createTestProbot({ retries: true });
  const github = mockSteps(new GitHubMock(), STEPS, stepIndex('update check run 1'), 'secondary-rate-limit');

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  expectCompleteReview(github);
  const warning = parseLogs(logs).find((entry) => entry.msg === "GitHub's secondary rate limit was hit; retrying after 7 s");
  expect(warning).toMatchObject({ level: 40, limit: 'secondary', method: 'PATCH', retryAfterSeconds: 7, retryCount: 0 });
});

test('rate limit wait past the maximum fails', async () => {
  const { probot, logs } = await createTestProbot({ retries: true, github: { maxRateLimitWaitSeconds: 5 } });
  const github = registerSteps(new GitHubMock(), stepsBefore('list files'), { 'list files': (mock) => mock.fault('secondary-rate-limit', { replace: true }).pullRequestFiles(FILES) });
  github.updateCheckRun();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
  expect(update).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'promgate could not finish' } });
  expect(update?.output.summary).toMatch(/^promgate failed to list the changed files:\n\n> You have exceeded a secondary rate limit/);
  expect(parseLogs(logs).find((entry) => entry.level === 50 && entry.limit === 'secondary')).toMatchObject({ retryAfterSeconds: 7 });
});

describe('errors past the retries', () => {
  test('fail the check run by default', async () => {
    const { probot, logs } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), stepsBefore('list files'), {
      'list files': (mock) => {
        for (let attempt = 0; attempt < 4; attempt += 1) mock.fault('500', { replace: true }).pullRequestFiles(FILES);
      },
    });
    github.updateCheckRun();

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-500'));

    expect(github.attemptsOf(`GET ${REPOSITORY}/pulls/2/files`), 'the first try and three retries').toHaveLength(4);
    expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
      {
        status: 'completed',
        conclusion: 'failure',
        completed_at: COMPLETED_AT.toISOString(),
        output: {
          title: 'promgate could not finish',
          summary: [
            'promgate failed to list the changed files:',
            '> Server Error',
            'The check fails so that unchecked changes cannot merge (the policy sets `on_error: failure`).',
            'To run it again, choose **Re-run** on the `promgate` check, or push a new commit. If it keeps failing, report it with the webhook delivery id `delivery-500`.',
          ].join('\n\n'),
        },
      },
    ]);
    const failure = parseLogs(logs).find((entry) => entry.msg === 'promgate failed to list the changed files');
    expect(failure).toMatchObject({ level: 50, id: 'delivery-500', repository: 'Codertocat/Hello-World', pullRequest: 2, checkRunId: 4242, status: 500 });
    expect(github.validationErrors).toEqual([]);
  });

  test('end neutral with on_error neutral', async () => {
    const { probot, timers } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(timers), stepsBefore('read policy'), {
      'read policy': (mock) => mock.policyFile(BASE_SHA, 'on_error: neutral\n'),
      'list files': (mock) => {
        for (let attempt = 0; attempt < 4; attempt += 1) mock.fault('timeout', { replace: true }).pullRequestFiles(FILES);
      },
    });
    github.updateCheckRun();

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update?.conclusion).toBe('neutral');
    expect(update?.output.summary).toMatch(/^promgate failed to list the changed files:\n\n> GET https:\/\/api\.github\.com\/repos\/Codertocat\/Hello-World\/pulls\/2\/files\?per_page=100 timed out after 30000 ms/);
    expect(update?.output.summary).toContain('The check is neutral, so it does not block the merge, and the changes are unchecked (the policy sets `on_error: neutral`).');
  });
});

describe('422 responses', () => {
  test('listing check runs falls back to a new run', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', { 'list check runs': (mock) => mock.fault('422', { replace: true }).listCheckRuns() });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    expectCompleteReview(github);
  });

  test('creating the check run fails the delivery', async () => {
    const { probot, logs } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), stepsBefore('create check run'), { 'create check run': (mock) => mock.fault('422', { replace: true }).createCheckRun() });

    await expect(probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-create'))).rejects.toThrow('Unprocessable Entity');

    expect(github.attemptsOf(`PATCH ${REPOSITORY}/check-runs`)).toEqual([]);
    expect(parseLogs(logs).find((entry) => entry.msg === 'Finished the promgate review')).toMatchObject({ conclusion: 'error', id: 'delivery-create' });

    // The delivery id was released, so redelivering it runs the review again.
    registerSteps(github, ['list check runs'], { 'create check run': (mock) => mock.fault('422', { replace: true }).createCheckRun() });
    await expect(probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-create'))).rejects.toThrow('Unprocessable Entity');
    expect(github.attemptsOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(2);
  });

  test.each([
    ['read policy', 'read the policy file'],
    ['list files', 'list the changed files'],
  ])('at %s fails the check run', async (step, failedStep) => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), stepsBefore(step), { [step]: answer422(step) });
    github.updateCheckRun();

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'promgate could not finish' } });
    expect(update?.output.summary.startsWith(`promgate failed to ${failedStep}:\n\n> Unprocessable Entity`)).toBe(true);
  });

  test('reading the tree lints the changed files alone', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', {
      'read tree': (mock) => mock.fault('422', { replace: true }).tree([]),
      'read prometheus/prometheus.yml': () => {},
      'resolve PRRT_fixed': () => {},
    });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const alone = lintAlone('rules/api.yml');
    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(update?.output.annotations).toEqual(alone.map(expectedAnnotation));
    expect(update?.output.summary).toContain('promgate could not list the files of the repository, so checks that compare files saw only the changed files.');
    expect(github.validationErrors).toEqual([]);
  });

  test('reading an unchanged file leaves it out', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', {
      'read prometheus/prometheus.yml': (mock) => mock.fault('422', { replace: true }).blobs([treeOf(FLOW)[0]!]),
      'resolve PRRT_fixed': () => {},
    });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(update?.output.annotations).toEqual(lintAlone('rules/api.yml').map(expectedAnnotation));
    expect(update?.output.summary).toContain('promgate could not read 1 unchanged file, so checks that compare files did not see them.');
    // A finding missing from an incomplete lint may just be unread, so no comment is closed.
    expect(github.graphqlOperations).not.toContain('PromgateResolveThread');
  });

  test('reading a changed file ends with on_error', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), stepsBefore('read rules/api.yml'), {
      'read rules/api.yml': (mock) => mock.fault('422', { replace: true }).blobs([treeOf(FLOW)[1]!]),
      'update check run 1': (mock) => mock.updateCheckRun(),
    });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(update?.output.summary).toContain('promgate could not read `rules/api.yml` at the head commit: Unprocessable Entity');
    expect(update?.output.summary).toContain('Because a changed file could not be read, the check fails (`on_error: failure`); re-run it once GitHub serves the file.');
  });

  test('annotations are dropped, the run completes', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', { 'update check run 1': (mock) => mock.fault('422', { replace: true }).updateCheckRun().updateCheckRun() });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const attempts = github.attemptsOf(`PATCH ${REPOSITORY}/check-runs/4242`);
    expect(attempts.map((attempt) => attempt.status)).toEqual([422, 200]);
    expect((attempts[0]?.body as CheckRunUpdateBody).output.annotations).toEqual(FINDINGS.map(expectedAnnotation));
    const accepted = attempts[1]?.body as CheckRunUpdateBody;
    expect(accepted).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(accepted.output.annotations).toBeUndefined();
    expect(accepted.output.summary.endsWith(`GitHub rejected ${FINDINGS.length} annotations of this run, so they are missing from the files view; the list above includes those findings.`)).toBe(true);
    for (const finding of FINDINGS) expect(accepted.output.summary).toContain(finding.message.replaceAll('<', '&lt;'));
    expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toHaveLength(1);
  });

  test.each(['read review threads', 'read reviews'])('at %s skips the review', async (step) => {
    const { probot, logs } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), stepsBefore(step), { [step]: answer422(step) });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as CheckRunUpdateBody[];
    expect(update?.output.annotations).toEqual(FINDINGS.map(expectedAnnotation));
    expect(parseLogs(logs).find((entry) => entry.msg === 'promgate failed to post the review')).toMatchObject({ level: 50, status: 422 });
  });

  test('creating the review lists the comments in its body', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', { 'create review': (mock) => mock.fault('422', { replace: true }).createReview().createReview() });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    const attempts = github.attemptsOf(`POST ${REPOSITORY}/pulls/2/reviews`);
    expect(attempts.map((attempt) => attempt.status)).toEqual([422, 200]);
    const fallback = attempts[1]?.body as { body: string; comments: unknown[] };
    expect(fallback.comments).toEqual([]);
    expect(fallback.body).toContain('**On changed lines:** GitHub rejected the inline comments of this review, so promgate lists them here.');
    for (const finding of FINDINGS) expect(fallback.body).toContain(fingerprintMarker(fingerprintOf(finding)));
    expect(github.graphqlOperations.at(-1)).toBe('PromgateResolveThread');
  });

  test('resolving a thread minimizes the comment instead', async () => {
    const { probot } = await createTestProbot({ retries: true });
    const github = registerSteps(new GitHubMock(), 'all', { 'resolve PRRT_fixed': (mock) => mock.fault('422', { replace: true }).resolveThread('PRRT_fixed').minimizeComment() });

    await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

    expect(github.graphqlOperations.slice(-2)).toEqual(['PromgateResolveThread', 'PromgateMinimizeComment']);
    expect((github.requests.at(-1)?.body as { variables: unknown }).variables).toEqual({ commentId: 'PRRC_fixed' });
    expect(github.validationErrors).toEqual([]);
  });
});

test('logs name the delivery and never the token', async () => {
  const { probot, logs } = await createTestProbot();
  registerSteps(new GitHubMock(), 'all');

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-logs'));

  const entries = parseLogs(logs);
  expect(entries.filter((entry) => entry.id === 'delivery-logs' && entry.repository === 'Codertocat/Hello-World' && entry.pullRequest === 2).map((entry) => entry.msg)).toEqual([
    'Started the promgate check run',
    'Completed the promgate check run',
    'Posted the promgate review',
    'Closed the comments of fixed findings',
    'Finished the promgate review',
  ]);
  const finished = entries.find((entry) => entry.msg === 'Finished the promgate review');
  expect(finished).toMatchObject({ conclusion: 'failure', findings: FINDINGS.length, headSha: HEAD_SHA });
  expect(typeof finished?.durationMs).toBe('number');
  expect(logs.join('\n')).not.toContain(INSTALLATION_TOKEN);
});
