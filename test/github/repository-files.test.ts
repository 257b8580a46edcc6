import { describe, expect, test } from 'vitest';
import { DEFAULT_REPOSITORY_LIMITS } from '../../src/github/app-settings.js';
import { FILE_TOO_LARGE_CHECK } from '../../src/github/lint-pull-request.js';
import { selectLintFiles } from '../../src/github/select-lint-files.js';
import { addedFilePatch, blobSha, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { pullRequestEvent } from './helpers/payloads.js';
import { reviewSteps } from './helpers/review-flow.js';
import { CLEAN_RULES, PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot } from './helpers/test-probot.js';
import type { ChangedFile } from '../../src/github/candidate-files.js';
import type { Policy } from '../../src/policy/types.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const POLICY: Policy = { failOn: 'error', include: ['**/*.yml'], exclude: ['vendor/**'], checks: {} };

function changed(path: string, sha = `sha-${path}`): ChangedFile {
  return { path, status: 'modified', blobSha: sha, patch: '@@ -1 +1 @@\n-a\n+b', previousPath: undefined, additions: 1, deletions: 1 };
}

describe('selectLintFiles', () => {
  const tree = [
    { path: 'rules/b.yml', sha: 'b', size: 300 },
    { path: 'rules/a.yml', sha: 'a', size: 200 },
    { path: 'rules/changed.yml', sha: 'c', size: 5_000 },
    { path: 'rules/huge.yml', sha: 'h', size: 2_000 },
    { path: 'vendor/x.yml', sha: 'v', size: 10 },
    { path: 'README.md', sha: 'r', size: 10 },
  ];

  test('changed files first, then others by path', () => {
    const selection = selectLintFiles({ tree, changed: [changed('rules/changed.yml', 'c')], policy: POLICY, limits: DEFAULT_REPOSITORY_LIMITS, maxFileBytes: 10_000 });
    expect(selection.read.map((file) => [file.path, file.changed])).toEqual([
      ['rules/changed.yml', true],
      ['rules/a.yml', false],
      ['rules/b.yml', false],
      ['rules/huge.yml', false],
    ]);
    expect(selection.leftOut).toEqual({ files: 0, bytes: 0 });
  });

  test('file limit keeps changed files', () => {
    const limits = { ...DEFAULT_REPOSITORY_LIMITS, maxFiles: 2 };
    const selection = selectLintFiles({ tree, changed: [changed('rules/changed.yml', 'c')], policy: POLICY, limits, maxFileBytes: 10_000 });
    expect(selection.read.map((file) => file.path)).toEqual(['rules/changed.yml', 'rules/a.yml']);
    expect(selection.leftOut).toEqual({ files: 2, bytes: 2_300 });
  });

  test('byte limit counts changed files', () => {
    const limits = { ...DEFAULT_REPOSITORY_LIMITS, maxBytes: 5_400 };
    const selection = selectLintFiles({ tree, changed: [changed('rules/changed.yml', 'c')], policy: POLICY, limits, maxFileBytes: 10_000 });
    expect(selection.read.map((file) => file.path)).toEqual(['rules/changed.yml', 'rules/a.yml']);
    expect(selection.leftOut).toEqual({ files: 2, bytes: 2_300 });
  });

  test('large files are set apart', () => {
    const selection = selectLintFiles({ tree, changed: [changed('rules/changed.yml', 'c')], policy: POLICY, limits: DEFAULT_REPOSITORY_LIMITS, maxFileBytes: 1_000 });
    expect(selection.tooLarge.map((file) => [file.path, file.changed])).toEqual([
      ['rules/changed.yml', true],
      ['rules/huge.yml', false],
    ]);
  });

  test('changed file without blob SHA is unreadable', () => {
    const selection = selectLintFiles({ tree: undefined, changed: [{ ...changed('rules/sub.yml'), blobSha: null }], policy: POLICY, limits: DEFAULT_REPOSITORY_LIMITS, maxFileBytes: 1_000 });
    expect(selection.unreadable).toEqual(['rules/sub.yml']);
    expect(selection.read).toEqual([]);
  });
});

const FILES: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];

test('truncated tree is listed level by level', async () => {
  const github = new GitHubMock();
  for (const step of reviewSteps({ files: FILES, tree: [{ path: 'rules/api.yml', text: PROBLEM_RULES }, { path: 'prometheus/other.yml', text: CLEAN_RULES }] })) {
    if (step.name !== 'read tree') {
      step.register(github);
      continue;
    }
    const blob = (path: string, text: string) => ({ path, mode: '100644', type: 'blob', sha: blobSha(text), size: text.length });
    github
      .treeLevel(HEAD_SHA, [blob('rules/api.yml', PROBLEM_RULES)], true, true)
      .treeLevel(HEAD_SHA, [{ path: 'rules', mode: '040000', type: 'tree', sha: 'tree-rules' }, { path: 'prometheus', mode: '040000', type: 'tree', sha: 'tree-prometheus' }, { path: 'link.yml', mode: '120000', type: 'blob', sha: 'link', size: 9 }], false)
      .treeLevel('tree-rules', [blob('api.yml', PROBLEM_RULES)], true)
      .treeLevel('tree-prometheus', [], true, true)
      .treeLevel('tree-prometheus', [blob('other.yml', CLEAN_RULES)], false);
  }
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  expect(github.requestLines.filter((line) => line.includes('/git/trees/'))).toEqual([
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}`,
    `GET ${REPOSITORY}/git/trees/tree-rules?recursive=1`,
    `GET ${REPOSITORY}/git/trees/tree-prometheus?recursive=1`,
    `GET ${REPOSITORY}/git/trees/tree-prometheus`,
  ]);
  // The symbolic link is not read.
  expect(github.requestLines.filter((line) => line.includes('/git/blobs/')).sort()).toEqual(
    [`GET ${REPOSITORY}/git/blobs/${blobSha(PROBLEM_RULES)}`, `GET ${REPOSITORY}/git/blobs/${blobSha(CLEAN_RULES)}`].sort(),
  );
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string } }[];
  expect(update?.output.summary).toContain('promgate linted 2 files at `ec26c3e` (5 rules): the 1 changed file of this pull request and 1 other file from the repository');
  expect(github.validationErrors).toEqual([]);
});

test('tree request budget is reported', async () => {
  const github = new GitHubMock();
  for (const step of reviewSteps({ files: FILES })) {
    if (step.name !== 'read tree') {
      step.register(github);
      continue;
    }
    github.treeLevel(HEAD_SHA, [], true, true).treeLevel(HEAD_SHA, [{ path: 'rules', mode: '040000', type: 'tree', sha: 'tree-rules' }], false);
  }
  const { probot } = await createTestProbot({ settings: { limits: { ...DEFAULT_REPOSITORY_LIMITS, maxTreeRequests: 2 } } });

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string } }[];
  expect(update?.output.summary).toContain("The repository's file tree is too large to list within 2 requests, so checks that compare files did not see every file.");
});

test('files past the limits are left out', async () => {
  const tree = [{ path: 'rules/api.yml', text: PROBLEM_RULES }, { path: 'rules/b.yml', text: CLEAN_RULES }, { path: 'rules/c.yml', text: CLEAN_RULES.replace('api', 'c') }];
  const github = new GitHubMock();
  for (const step of reviewSteps({ files: FILES, tree })) {
    if (step.name !== 'read rules/c.yml') step.register(github);
  }
  const { probot } = await createTestProbot({ settings: { limits: { ...DEFAULT_REPOSITORY_LIMITS, maxFiles: 2 } } });

  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));

  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { summary: string } }[];
  expect(update?.output.summary).toContain(
    `promgate read the changed files and as many others as fit its limits, and left out 1 other file (${Buffer.byteLength(tree[2]!.text)} bytes), so checks that compare files did not see them.`,
  );
  // A lint that left files out cannot tell a fixed finding from an unread one, so no thread is closed.
  expect(github.graphqlOperations).toEqual(['PromgateReviewThreads', 'PromgateReviews']);
});

test('file over max_file_bytes is a finding', async () => {
  const files: ListedFile[] = [...FILES, { filename: 'rules/big.yml', status: 'added', text: CLEAN_RULES, patch: addedFilePatch(CLEAN_RULES) }];
  const github = new GitHubMock();
  for (const step of reviewSteps({ files, policy: `max_file_bytes: ${Buffer.byteLength(PROBLEM_RULES) + 1}\n` })) {
    if (step.name !== 'read rules/big.yml') step.register(github);
  }
  const { probot } = await createTestProbot();

  await probot.receive(pullRequestEvent('opened', { changedFiles: 2 }));

  expect(github.requestLines.filter((line) => line.includes('/git/blobs/'))).toEqual([`GET ${REPOSITORY}/git/blobs/${blobSha(PROBLEM_RULES)}`]);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { output: { annotations: { path: string; title: string; message: string }[] } }[];
  const tooLarge = update?.output.annotations.filter((annotation) => annotation.title === FILE_TOO_LARGE_CHECK);
  expect(tooLarge).toEqual([
    expect.objectContaining({
      path: 'rules/big.yml',
      start_line: 1,
      message: `\`rules/big.yml\` has ${Buffer.byteLength(CLEAN_RULES).toLocaleString('en-US')} bytes, more than the policy's \`max_file_bytes\` of ${(Buffer.byteLength(PROBLEM_RULES) + 1).toLocaleString('en-US')}, so promgate did not lint it.\n\nFix: Split the file, or raise \`max_file_bytes\` in \`.github/promgate.yml\` on the base branch, or add the file to \`exclude\`.`,
    }),
  ]);
});
