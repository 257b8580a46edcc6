import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { expectedAnnotation, expectedComment, expectedSummary, expectedTitle } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, blobSha, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { CLEAN_RULES, PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const BROKEN_RULES = 'groups:\n\t- name: api\n';
const DEFAULT_POLICY_SENTENCE = 'The default policy applies, because `master` at `f95f852` has no `.github/promgate.yml`.';

function lintListed(files: readonly ListedFile[]) {
  const texts = files.filter((file) => file.text !== undefined && /\.(ya?ml|rules)$/.test(file.filename));
  return lint({ files: texts.map((file) => ({ path: file.filename, text: file.text! })), policy: loadPolicy(undefined, POLICY_PATH) });
}

test('problems get a failing check run and inline comments', async () => {
  const files: ListedFile[] = [
    { filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) },
    { filename: 'rules/broken.yml', status: 'added', text: BROKEN_RULES, patch: addedFilePatch(BROKEN_RULES) },
    { filename: 'rules/empty.yml', status: 'added', text: 'groups: []\n', patch: addedFilePatch('groups: []\n') },
    { filename: 'README.md', status: 'modified', text: '# Monitoring\n', patch: '@@ -1 +1 @@\n-# Old\n+# Monitoring' },
    { filename: 'rules/old.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-groups: []' },
  ];
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(files)
    .blobs(files.slice(0, 3))
    .updateCheckRun()
    .reviewComments([])
    .createReview();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 5 }));

  const { findings } = lintListed(files);
  const schema = findings.filter((finding) => finding.check === 'yaml/schema');
  expect(schema.map((finding) => [finding.line, finding.message])).toEqual([
    [6, '`for` is not allowed in recording rule `job:http_requests:rate5m`; Prometheus accepts it only in alerting rules.'],
    [7, '`bad name` is not a valid metric name, so Prometheus rejects the recording rule.'],
    [11, 'Duplicate key `expr`; it is already set on line 10, and Prometheus rejects the file.'],
    [12, 'Unknown key `severity` in alert `ApiDown`; Prometheus rejects the file.'],
  ]);
  expect(findings.filter((finding) => finding.check !== 'yaml/schema' && finding.file !== 'rules/api.yml').map((finding) => finding.check)).toEqual([
    'yaml/syntax',
    'yaml/empty',
  ]);

  expect(github.requestLines.filter((line) => !line.includes('/git/blobs/'))).toEqual([
    'POST /app/installations/1/access_tokens',
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
    `GET ${REPOSITORY}/pulls/2/comments?per_page=100`,
    `POST ${REPOSITORY}/pulls/2/reviews`,
  ]);
  expect(github.requestLines.filter((line) => line.includes('/git/blobs/')).sort()).toEqual(
    [PROBLEM_RULES, BROKEN_RULES, 'groups: []\n'].map((text) => `GET ${REPOSITORY}/git/blobs/${blobSha(text)}`).sort(),
  );

  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toEqual([
    {
      name: 'promgate',
      head_sha: HEAD_SHA,
      status: 'in_progress',
      output: { title: 'Linting monitoring configuration', summary: 'promgate is reading the files this pull request changes.' },
    },
  ]);
  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'failure',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: expectedTitle(findings),
        summary: expectedSummary(findings, [
          `promgate linted 3 files with monitoring configuration (3 rules) of the 5 files this pull request changes. ${DEFAULT_POLICY_SENTENCE}`,
          'Findings of severity `error` fail this check.',
        ]),
        annotations: findings.map(expectedAnnotation),
      },
    },
  ]);

  const counts = expectedTitle(findings).replace(/^./, (first) => first.toLowerCase());
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toEqual([
    {
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: `promgate commented on ${findings.length} findings in the changed lines: ${counts}. The \`promgate\` check run lists all ${findings.length} findings of this pull request.`,
      comments: findings.map((finding) => expectedComment(finding, finding.line!)),
    },
  ]);
  expect(github.bodyErrors).toEqual([]);
});

test.each(['opened', 'synchronize', 'reopened'] as const)('clean rules pass on %s', async (action) => {
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: CLEAN_RULES, patch: addedFilePatch(CLEAN_RULES) }];
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, undefined).pullRequestFiles(files).blobs(files).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent(action, { changedFiles: 1 }));

  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'success',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: 'No problems found',
        summary: [
          `promgate linted 1 file with monitoring configuration (2 rules) of the 1 file this pull request changes. ${DEFAULT_POLICY_SENTENCE}`,
          'Findings of severity `error` fail this check.',
          '| Severity | Findings |\n| --- | ---: |\n| error | 0 |\n| warning | 0 |\n| info | 0 |',
        ].join('\n\n'),
      },
    },
  ]);
  expect(github.requestLines).not.toContain(`GET ${REPOSITORY}/pulls/2/comments?per_page=100`);
  expect(github.bodyErrors).toEqual([]);
});

test('pull request without monitoring files passes', async () => {
  // 120 files span two pages of the files listing.
  const files: ListedFile[] = Array.from({ length: 120 }, (_, index) => ({
    filename: `docs/page-${index}.md`,
    status: 'added',
    text: `# Page ${index}\n`,
    patch: `@@ -0,0 +1 @@\n+# Page ${index}`,
  }));
  files.push({ filename: '.github/workflows/ci.yml', status: 'modified', text: 'on: push\njobs: {}\n', patch: '@@ -1 +1 @@\n-on: pull_request\n+on: push' });
  const github = new GitHubMock()
    .installationToken()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles(files)
    .blobs(files.slice(120))
    .updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 121 }));

  expect(github.requestLines).toEqual([
    'POST /app/installations/1/access_tokens',
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100&page=2`,
    `GET ${REPOSITORY}/git/blobs/${blobSha('on: push\njobs: {}\n')}`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
  ]);
  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'success',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: 'No monitoring configuration changed',
        summary: [
          'This pull request changes 121 files, and none holds Prometheus rules or configuration, so promgate had nothing to lint. ' +
            "It reads files ending in `.yml`, `.yaml`, `.rules` that the policy's `include` globs (`**/*.yml`, `**/*.yaml`, `**/*.rules`) match and its `exclude` globs do not.",
          DEFAULT_POLICY_SENTENCE,
        ].join('\n\n'),
      },
    },
  ]);
  expect(github.bodyErrors).toEqual([]);
});

test('findings outside the diff stay in the check run', async () => {
  // Only the group name changed; every problem sits on lines the diff does not show.
  const patch = [
    '@@ -1,4 +1,4 @@',
    ' groups:',
    '-  - name: http',
    '+  - name: api',
    '     rules:',
    '       - record: job:http_requests:rate5m',
  ].join('\n');
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'modified', text: PROBLEM_RULES, patch }];
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, undefined).pullRequestFiles(files).blobs(files).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const { findings } = lintListed(files);
  expect(findings.every((finding) => finding.line! > 4)).toBe(true);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { annotations: unknown[] } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual(findings.map(expectedAnnotation));
  expect(github.requestLines.at(-1)).toBe(`PATCH ${REPOSITORY}/check-runs/4242`);
  expect(github.bodyErrors).toEqual([]);
});

test('file without patch gets no inline comments', async () => {
  // GitHub omits `patch` when a diff is too large to show.
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'modified', text: PROBLEM_RULES }];
  const github = new GitHubMock().installationToken().createCheckRun().policyFile(BASE_SHA, undefined).pullRequestFiles(files).blobs(files).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const { findings } = lintListed(files);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { annotations: unknown[] } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual(findings.map(expectedAnnotation));
  expect(github.requestLines.filter((line) => line.includes('/pulls/2/comments') || line.includes('/reviews'))).toEqual([]);
  expect(github.bodyErrors).toEqual([]);
});
