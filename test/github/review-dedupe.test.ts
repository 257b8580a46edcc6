import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { fingerprintMarker } from '../../src/github/review-fingerprint.js';
import { expectedAnnotation, expectedComment } from './helpers/expected-requests.js';
import { addedFilePatch, CHECK_RUN_ID, GitHubMock } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { mockReview, reviewSteps } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot, parseLogs } from './helpers/test-probot.js';
import type { ListedFile, ThreadNode } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
const FINDINGS = lint({ files: [{ path: 'rules/api.yml', text: PROBLEM_RULES }], policy: loadPolicy(undefined, POLICY_PATH) }).findings;
const COMMENTS = FINDINGS.map((finding) => expectedComment(finding) as { body: string });

function thread(id: string, bodies: readonly { body: string; ours: boolean }[], state: Partial<ThreadNode> = {}): ThreadNode {
  return { id, ...state, comments: bodies.map((comment, index) => ({ id: `${id}-comment-${index}`, body: comment.body, viewerDidAuthor: comment.ours })) };
}

test('push posts only new comments', async () => {
  const threads = [
    thread('T1', [{ body: COMMENTS[0]!.body, ours: true }]),
    thread('T2', [{ body: 'Looks fine to me.', ours: false }]),
    thread('T3', [{ body: COMMENTS[2]!.body, ours: true }]),
    // Someone quoting promgate's comment does not count as promgate's comment.
    thread('T4', [{ body: `> ${COMMENTS[3]!.body}`, ours: false }]),
  ];
  const github = mockReview(new GitHubMock(), { files: FILES, threads });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { comments: unknown[] }[];
  expect(review?.comments).toEqual(COMMENTS.filter((_, index) => index !== 0 && index !== 2));
  expect(github.graphqlOperations).toEqual(['PromgateReviewThreads', 'PromgateReviews']);
  expect(github.validationErrors).toEqual([]);
});

test('nothing new posts no review', async () => {
  const threads = COMMENTS.map((comment, index) => thread(`T${index}`, [{ body: comment.body, ours: true }]));
  const github = mockReview(new GitHubMock(), { files: FILES, threads, review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  expect(github.requestLines.at(-1)).toBe('POST /graphql');
  expect(github.graphqlOperations).toEqual(['PromgateReviewThreads', 'PromgateReviews']);
});

test('redelivery is processed once', async () => {
  const github = mockReview(new GitHubMock(), { files: FILES });
  const { probot, logs, metrics } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-twice'));
  const requests = github.requests.length;
  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-twice'));

  expect(github.requests).toHaveLength(requests);
  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(1);
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toHaveLength(1);
  expect(parseLogs(logs).filter((entry) => entry.msg === 'Skipped a webhook delivery that promgate already processed')).toHaveLength(1);
  expect(await metrics.registry.getSingleMetricAsString('promgate_webhook_deliveries_skipped_total')).toContain('promgate_webhook_deliveries_skipped_total 1');
});

test('fixed findings are closed, others left alone', async () => {
  const gone = fingerprintMarker('00000000000000aa');
  const threads = [
    thread('T-fixed', [{ body: `Old.\n\n${gone}`, ours: true }]),
    thread('T-replied', [{ body: `Old.\n\n${fingerprintMarker('00000000000000bb')}`, ours: true }, { body: 'Why is this wrong?', ours: false }]),
    thread('T-resolved', [{ body: `Old.\n\n${fingerprintMarker('00000000000000cc')}`, ours: true }], { isResolved: true }),
    thread('T-minimized', [{ body: `Old.\n\n${fingerprintMarker('00000000000000dd')}`, ours: true }]),
    thread('T-someone', [{ body: `Copied.\n\n${fingerprintMarker('00000000000000ee')}`, ours: false }]),
    thread('T-current', [{ body: COMMENTS[0]!.body, ours: true }]),
  ];
  threads[3]!.comments[0]!.isMinimized = true;
  const github = mockReview(new GitHubMock(), { files: FILES, threads, resolves: ['T-fixed'] });
  github.minimizeComment();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const mutations = github.requests.filter((request) => request.path === '/graphql').slice(2);
  expect(mutations.map((request) => request.body)).toEqual([
    expect.objectContaining({ variables: { threadId: 'T-fixed' } }),
    expect.objectContaining({ variables: { commentId: 'T-replied-comment-0' } }),
  ]);
  expect(github.graphqlOperations.slice(2)).toEqual(['PromgateResolveThread', 'PromgateMinimizeComment']);
  expect(github.validationErrors).toEqual([]);
});

test('failed resolve minimizes instead', async () => {
  const threads = [thread('T-fixed', [{ body: `Old.\n\n${fingerprintMarker('00000000000000aa')}`, ours: true }])];
  const github = mockReview(new GitHubMock(), { files: FILES, threads });
  github.resolveThread('T-fixed', [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }]).minimizeComment();
  const { probot, logs } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  expect(github.graphqlOperations.slice(2)).toEqual(['PromgateResolveThread', 'PromgateMinimizeComment']);
  expect(parseLogs(logs).find((entry) => entry.msg === 'Failed to resolve the review thread of a fixed finding; minimizing the comment instead')).toMatchObject({ level: 40, threadId: 'T-fixed' });
});

test('findings listed in an earlier review count as posted', async () => {
  // An earlier review listed every finding in its body, as after GitHub rejected its inline comments.
  const markers = COMMENTS.map((comment) => comment.body.slice(comment.body.indexOf('<!--'))).join('\n');
  const github = new GitHubMock();
  for (const step of reviewSteps({ files: FILES, review: false })) {
    if (step.name === 'read reviews') github.reviews([{ body: `Earlier.\n\n${markers}`, viewerDidAuthor: true }]);
    else step.register(github);
  }
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toEqual([]);
});

test('same commit reuses the check run', async () => {
  const annotations = FINDINGS.map(expectedAnnotation);
  // The earlier run has all annotations but the last, and one that no longer applies.
  const earlier = [...annotations.slice(0, -1), { ...annotations[0], message: 'An old problem.' }].map((annotation) => ({ ...annotation, blob_href: 'https://github.com/blob', raw_details: null }));
  const github = new GitHubMock().installationToken().listCheckRuns([{ id: CHECK_RUN_ID, annotationsCount: earlier.length }]).listAnnotations(CHECK_RUN_ID, earlier).updateCheckRun();
  for (const step of reviewSteps({ files: FILES }).slice(3)) step.register(github);
  const { probot, logs } = await createTestProbot();

  await probot.receive(pullRequestEvent('reopened', { changedFiles: 1 }));

  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toEqual([]);
  const updates = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/${CHECK_RUN_ID}`) as { status: string; output: { summary: string; annotations?: unknown[] } }[];
  expect(updates[0]).toEqual({ status: 'in_progress', output: { title: 'Linting monitoring configuration', summary: 'promgate is reading the monitoring configuration of this pull request.' } });
  expect(updates[1]?.output.annotations).toEqual(annotations.slice(-1));
  expect(updates[1]?.output.summary.endsWith('1 annotations from an earlier run on this commit no longer apply, and GitHub cannot remove them; the list above is current.')).toBe(true);
  expect(parseLogs(logs).find((entry) => entry.msg === 'Reusing the promgate check run of this commit')).toMatchObject({ checkRunId: CHECK_RUN_ID, existingAnnotations: earlier.length });
  expect(github.validationErrors).toEqual([]);
});

test('events of one pull request run one at a time', async () => {
  const github = mockReview(new GitHubMock(), { files: FILES });
  // The second event finds the run and the comments of the first; Probot reuses the installation token.
  github.listCheckRuns([{ id: CHECK_RUN_ID, annotationsCount: 0 }]).updateCheckRun();
  for (const step of reviewSteps({ files: FILES, review: false }).slice(3)) {
    if (step.name === 'read review threads') github.reviewThreads(COMMENTS.map((comment, index) => thread(`T${index}`, [{ body: comment.body, ours: true }])));
    // The blob of the same commit comes from the App's cache.
    else if (step.name !== 'read rules/api.yml') step.register(github);
  }
  const { probot } = await createTestProbot();

  await Promise.all([
    probot.receive(pullRequestEvent('opened', { changedFiles: 1 }, 'delivery-first')),
    probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }, 'delivery-second')),
  ]);

  const lines = github.requestLines;
  const secondStart = lines.lastIndexOf(`GET ${REPOSITORY}/commits/ec26c3e57ca3a959ca5aad62de7213c562f8c821/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`);
  expect(lines.indexOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toBeLessThan(secondStart);
  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toHaveLength(1);
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toHaveLength(1);
  expect(github.attemptsOf(`GET ${REPOSITORY}/git/blobs/`)).toHaveLength(1);
});
