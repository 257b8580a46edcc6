import { expect, test } from 'vitest';
import { lint } from '../../src/lint.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { expectedAnnotation, expectedComment, expectedSummary, expectedTitle, lastLineOfRule } from './helpers/expected-requests.js';
import { addedFilePatch, BASE_SHA, blobSha, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { mockReview, treeOf } from './helpers/review-flow.js';
import { CLEAN_RULES, PROBLEM_RULES } from './helpers/rule-files.js';
import { COMPLETED_AT, createTestProbot } from './helpers/test-probot.js';
import type { Finding } from '../../src/finding.js';
import type { ListedFile, TreeFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const BROKEN_RULES = 'groups:\n\t- name: api\n';
const DEFAULT_POLICY_SENTENCE = 'The default policy applies, because `master` at `f95f852` has no `.github/promgate.yml`.';
const CHANGED_SCOPE = 'It reports findings on the rules, groups and scrape jobs this pull request changes (`report: changed`). Findings of severity `error` fail this check.';

function lintTexts(files: readonly TreeFile[], policyText?: string): Finding[] {
  return lint({ files: files.map((file) => ({ path: file.path, text: file.text })), policy: loadPolicy(policyText, POLICY_PATH) }).findings;
}

test('problems get a failing check run and inline comments', async () => {
  const files: ListedFile[] = [
    { filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) },
    { filename: 'rules/broken.yml', status: 'added', text: BROKEN_RULES, patch: addedFilePatch(BROKEN_RULES) },
    { filename: 'rules/empty.yml', status: 'added', text: 'groups: []\n', patch: addedFilePatch('groups: []\n') },
    { filename: 'README.md', status: 'modified', text: '# Monitoring\n', patch: '@@ -1 +1 @@\n-# Old\n+# Monitoring' },
    { filename: 'rules/old.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-groups: []' },
  ];
  const tree = treeOf({ files }).filter((file) => file.path !== 'README.md');
  const github = mockReview(new GitHubMock(), { files, tree });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 5 }));

  const findings = lintTexts(tree);
  const schema = findings.filter((finding) => finding.check === 'yaml/schema');
  expect(schema.map((finding) => [finding.line, finding.message])).toEqual([
    [6, '`for` is not allowed in recording rule `job:http_requests:rate5m`; Prometheus accepts it only in alerting rules.'],
    [7, '`bad name` is not a valid metric name, so Prometheus rejects the recording rule.'],
    [11, 'Duplicate key `expr`; it is already set on line 10, and Prometheus rejects the file.'],
    [12, 'Unknown key `severity` in alert `ApiDown`; Prometheus rejects the file.'],
  ]);

  expect(github.requestLines.filter((line) => !line.includes('/git/blobs/'))).toEqual([
    'POST /app/installations/1/access_tokens',
    `GET ${REPOSITORY}/commits/${HEAD_SHA}/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`,
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
    'POST /graphql',
    'POST /graphql',
    `POST ${REPOSITORY}/pulls/2/reviews`,
  ]);
  expect(github.graphqlOperations).toEqual(['PromgateReviewThreads', 'PromgateReviews']);
  expect(github.requestLines.filter((line) => line.includes('/git/blobs/')).sort()).toEqual(
    [PROBLEM_RULES, BROKEN_RULES, 'groups: []\n'].map((text) => `GET ${REPOSITORY}/git/blobs/${blobSha(text)}`).sort(),
  );

  expect(github.bodiesOf(`POST ${REPOSITORY}/check-runs`)).toEqual([
    {
      name: 'promgate',
      head_sha: HEAD_SHA,
      status: 'in_progress',
      output: { title: 'Linting monitoring configuration', summary: 'promgate is reading the monitoring configuration of this pull request.' },
    },
  ]);
  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'failure',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: expectedTitle(findings),
        summary: expectedSummary(findings, [`promgate linted the 3 changed files of this pull request at \`ec26c3e\` (3 rules). ${DEFAULT_POLICY_SENTENCE}`, CHANGED_SCOPE]),
        annotations: findings.map(expectedAnnotation),
      },
    },
  ]);

  const counts = expectedTitle(findings).replace(/^./, (first) => first.toLowerCase());
  expect(github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`)).toEqual([
    {
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: `promgate found ${findings.length} new problems in the changes of this pull request: ${counts}.\n\nThe \`promgate\` check run lists every finding of this pull request.`,
      comments: findings.map((finding) => expectedComment(finding)),
    },
  ]);
  expect(github.validationErrors).toEqual([]);
});

test.each(['opened', 'synchronize', 'reopened'] as const)('clean rules pass on %s', async (action) => {
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: CLEAN_RULES, patch: addedFilePatch(CLEAN_RULES) }];
  const github = mockReview(new GitHubMock(), { files, review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent(action, { changedFiles: 1 }));

  expect(github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toEqual([
    {
      status: 'completed',
      conclusion: 'success',
      completed_at: COMPLETED_AT.toISOString(),
      output: {
        title: 'No problems in the changes',
        summary: [
          `promgate linted the 1 changed file of this pull request at \`ec26c3e\` (2 rules). ${DEFAULT_POLICY_SENTENCE}`,
          CHANGED_SCOPE,
          '| Severity | Findings |\n| --- | ---: |\n| error | 0 |\n| warning | 0 |\n| info | 0 |',
        ].join('\n\n'),
      },
    },
  ]);
  expect(github.requestLines.filter((line) => line.includes('/reviews'))).toEqual([]);
  expect(github.validationErrors).toEqual([]);
});

test('pull request without monitoring files passes', async () => {
  // 120 files span two pages of the files listing.
  const files: ListedFile[] = Array.from({ length: 120 }, (_, index) => ({
    filename: `docs/page-${index}.md`,
    status: 'added',
    text: `# Page ${index}\n`,
    patch: `@@ -0,0 +1 @@\n+# Page ${index}`,
  }));
  files.push({ filename: 'dashboards/api.json', status: 'modified', text: '{}\n', patch: '@@ -1 +1 @@\n-[]\n+{}' });
  const github = new GitHubMock().installationToken().listCheckRuns().createCheckRun().policyFile(BASE_SHA, undefined).pullRequestFiles(files).updateCheckRun();
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 121 }));

  expect(github.requestLines).toEqual([
    'POST /app/installations/1/access_tokens',
    `GET ${REPOSITORY}/commits/${HEAD_SHA}/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`,
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100&page=2`,
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
  expect(github.validationErrors).toEqual([]);
});

test('unchanged rules are pre-existing', async () => {
  // Only the group name changed; every problem sits in rules the diff does not touch.
  const patch = ['@@ -1,4 +1,4 @@', ' groups:', '-  - name: http', '+  - name: api', '     rules:', '       - record: job:http_requests:rate5m'].join('\n');
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'modified', text: PROBLEM_RULES, patch, additions: 1, deletions: 1 }];
  const github = mockReview(new GitHubMock(), { files, review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const findings = lintTexts(treeOf({ files }));
  expect(findings.length).toBeGreaterThan(0);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string; summary: string; annotations?: unknown[] } }[];
  expect(update?.conclusion).toBe('success');
  expect(update?.output.title).toBe(`No problems in the changes (${findings.length} pre-existing)`);
  expect(update?.output.annotations).toBeUndefined();
  expect(update?.output.summary).toBe(
    expectedSummary([], [`promgate linted the 1 changed file of this pull request at \`ec26c3e\` (3 rules). ${DEFAULT_POLICY_SENTENCE}`, CHANGED_SCOPE], findings),
  );
  expect(github.requestLines.filter((line) => line.includes('/reviews'))).toEqual([]);
  expect(github.validationErrors).toEqual([]);
});

test('report all counts unchanged rules', async () => {
  const patch = ['@@ -1,4 +1,4 @@', ' groups:', '-  - name: http', '+  - name: api', '     rules:', '       - record: job:http_requests:rate5m'].join('\n');
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'modified', text: PROBLEM_RULES, patch, additions: 1, deletions: 1 }];
  const github = mockReview(new GitHubMock(), { files, policy: 'report: all\n', review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 }));

  const findings = lintTexts(treeOf({ files }), 'report: all\n');
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { summary: string; annotations: unknown[] } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual(findings.map(expectedAnnotation));
  expect(update?.output.summary).toContain('It reports every finding of the files linted (`report: all`).');
  expect(update?.output.summary).not.toContain('## Pre-existing findings');
  // No finding sits in a changed rule, so none can carry an inline comment.
  expect(github.requestLines.filter((line) => line.includes('/reviews'))).toEqual([]);
  expect(github.validationErrors).toEqual([]);
});

test('file without patch counts as changed', async () => {
  // GitHub omits `patch` when a diff is too large to show.
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'modified', text: PROBLEM_RULES, additions: 4000, deletions: 10 }];
  const github = mockReview(new GitHubMock(), { files, review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const findings = lintTexts(treeOf({ files }));
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { summary: string; annotations: unknown[] } }[];
  expect(update?.conclusion).toBe('failure');
  expect(update?.output.annotations).toEqual(findings.map(expectedAnnotation));
  expect(update?.output.summary).toContain(
    'GitHub shows no diff for `rules/api.yml`, because it is too large or binary, so promgate counts all its lines as changed and cannot comment on them; the annotations and the list below cover it.',
  );
  expect(github.requestLines.filter((line) => line.includes('/reviews'))).toEqual([]);
  expect(github.validationErrors).toEqual([]);
});

test('renamed file without changes is pre-existing', async () => {
  const files: ListedFile[] = [{ filename: 'rules/api.yml', previous_filename: 'rules/http.yml', status: 'renamed', text: PROBLEM_RULES, additions: 0, deletions: 0 }];
  const github = mockReview(new GitHubMock(), { files, review: false });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { summary: string } }[];
  expect(update?.conclusion).toBe('success');
  expect(update?.output.summary).toContain('`rules/api.yml` was renamed from `rules/http.yml` without changes to its lines, so its findings count as pre-existing.');
  expect(github.validationErrors).toEqual([]);
});

test('other files give context', async () => {
  // The new alert duplicates one in a file the pull request does not touch.
  const alert = '      - alert: ApiDown\n        expr: up{job="api"} == 0\n        for: 5m\n        labels:\n          severity: critical\n        annotations:\n          summary: s\n          description: d\n          runbook_url: https://runbooks.example.com/api\n';
  const existing = `groups:\n  - name: api\n    rules:\n${alert}`;
  const added = `groups:\n  - name: api-copy\n    rules:\n${alert}`;
  const files: ListedFile[] = [{ filename: 'rules/copy.yml', status: 'added', text: added, patch: addedFilePatch(added) }];
  const tree: TreeFile[] = [{ path: 'rules/api.yml', text: existing }, { path: 'rules/copy.yml', text: added }];
  const github = mockReview(new GitHubMock(), { files, tree });
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const duplicates = lintTexts(tree).filter((finding) => finding.check === 'rules/duplicate');
  expect(duplicates.map((finding) => finding.file)).toEqual(['rules/api.yml', 'rules/copy.yml']);
  // The copy in the unchanged file depends on the added copy, so the change makes both findings new.
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string; annotations: unknown[] } }[];
  expect(update?.output.annotations).toEqual(duplicates.map(expectedAnnotation));
  expect(update?.output.summary).toContain('promgate linted 2 files at `ec26c3e` (2 rules): the 1 changed file of this pull request and 1 other file from the repository, because some checks compare files.');
  expect(update?.output.summary).not.toContain('## Pre-existing findings');
  const [review] = github.bodiesOf(`POST ${REPOSITORY}/pulls/2/reviews`) as { comments: unknown[] }[];
  const addedRuleEnd = lastLineOfRule(duplicates[1]!);
  expect(review?.comments).toEqual([{ ...expectedComment(duplicates[0]!, addedRuleEnd), path: 'rules/copy.yml' }, expectedComment(duplicates[1]!)]);
  expect(github.validationErrors).toEqual([]);
});
