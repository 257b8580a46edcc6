import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { unifiedDiff } from '../../src/github/unified-diff.js';
import { BASE_SHA, blobSha, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { acceptedCommand, PERMISSION, REACTION, REPLY, replyBody, TOKEN } from './helpers/comment-flow.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { COMMENT_ID, issueCommentEvent, pullRequestEvent } from './helpers/payloads.js';
import { CHECKOUT_SPEC, generateWithCli, OLD_CHECKOUT_SPEC, RULES_PATH, SPEC_PATH, staleCheckoutRules } from './helpers/slo-files.js';
import { createTestProbot } from './helpers/test-probot.js';
import type { ListedFile, TreeFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';
const HEAD_TREE_SHA = '1111111111111111111111111111111111111111';
const NEW_TREE_SHA = '2222222222222222222222222222222222222222';
const NEW_COMMIT_SHA = '3333333333333333333333333333333333333333';
/** The default policy: the stale finding counts as part of the change, since it relates to every line of the changed spec. */
const BASE_POLICY = 'report: changed\n';
const FORK = { name: 'Hello-World', owner: { login: 'contributor' } };

/** Builds the patch GitHub shows for a file: the unified diff without its `diff`, `---` and `+++` lines. */
function githubPatch(path: string, before: string, after: string): string {
  return unifiedDiff({ path, before, after }).slice(3).join('\n');
}

const SPEC_CHANGE: ListedFile = { filename: SPEC_PATH, status: 'modified', text: CHECKOUT_SPEC, patch: githubPatch(SPEC_PATH, OLD_CHECKOUT_SPEC, CHECKOUT_SPEC) };

function staleTree(): TreeFile[] {
  return [
    { path: SPEC_PATH, text: CHECKOUT_SPEC },
    { path: RULES_PATH, text: staleCheckoutRules() },
  ];
}

/** Returns the content of the fenced `diff` block of a reply. */
function patchOf(body: string): string {
  const match = /```diff\n([\s\S]*?)\n```/.exec(body);
  expect(match, 'a fenced diff block in the reply').not.toBeNull();
  return `${match![1]}\n`;
}

/** Applies a patch with `git apply` to files in a temporary repository and returns the files after it. */
function applyPatch(files: Record<string, string>, patch: string): Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), 'promgate-patch-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: root });
    for (const [path, text] of Object.entries(files)) {
      execFileSync('mkdir', ['-p', join(root, path, '..')]);
      writeFileSync(join(root, path), text);
    }
    writeFileSync(join(root, 'change.patch'), patch);
    execFileSync('git', ['apply', 'change.patch'], { cwd: root });
    return Object.fromEntries(Object.keys(files).map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function checkRunSummary(github: GitHubMock, checkRun = `PATCH ${REPOSITORY}/check-runs/4242`): string {
  const [update] = github.bodiesOf(checkRun) as { output: { summary: string } }[];
  return update?.output.summary ?? '';
}

test('regenerate pushes one commit that fixes stale rules', async () => {
  const expected = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const tree = staleTree();
  const { probot } = await createTestProbot();

  // The review of the changed spec finds the rules stale.
  const review = new GitHubMock()
    .installationToken()
    .listCheckRuns()
    .createCheckRun()
    .policyFile(BASE_SHA, BASE_POLICY)
    .pullRequestFiles([SPEC_CHANGE])
    .tree(tree)
    .blobs(tree)
    .updateCheckRun()
    .reviewState()
    .createReview();
  await probot.receive(pullRequestEvent('opened', { changedFiles: 1 }));
  expect(checkRunSummary(review)).toContain('`slo/checkout.rules.yml` was generated from an earlier version of this spec');

  // The command reads the files again from the blob cache, and pushes the regenerated rules.
  const command = new GitHubMock()
    .collaboratorPermission('Codertocat', 'write')
    .createReaction(COMMENT_ID)
    .getPullRequest(2)
    .policyFile(BASE_SHA, BASE_POLICY)
    .tree(tree)
    .getCommit(HEAD_SHA, HEAD_TREE_SHA)
    .createBlob(expected)
    .createTree(NEW_TREE_SHA)
    .createCommit(NEW_COMMIT_SHA)
    .updateRef('changes')
    .createComment();
  await probot.receive(issueCommentEvent('Spec looks good.\n/promgate regenerate\n'));

  expect(command.requestLines).toEqual([
    PERMISSION,
    REACTION,
    `GET ${REPOSITORY}/pulls/2`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    `GET ${REPOSITORY}/git/commits/${HEAD_SHA}`,
    `POST ${REPOSITORY}/git/blobs`,
    `POST ${REPOSITORY}/git/trees`,
    `POST ${REPOSITORY}/git/commits`,
    `PATCH ${REPOSITORY}/git/refs/heads%2Fchanges`,
    REPLY,
  ]);
  expect(command.bodiesOf(`POST ${REPOSITORY}/git/blobs`)).toEqual([{ content: expected, encoding: 'utf-8' }]);
  expect(command.bodiesOf(`POST ${REPOSITORY}/git/trees`)).toEqual([
    { base_tree: HEAD_TREE_SHA, tree: [{ path: RULES_PATH, mode: '100644', type: 'blob', sha: blobSha(expected) }] },
  ]);
  expect(command.bodiesOf(`POST ${REPOSITORY}/git/commits`)).toEqual([
    {
      message: [
        'Regenerate SLO rules of slo/checkout.yml',
        'These rule files no longer matched what their SLO spec generates.\npromgate wrote them as `promgate generate slo` does, because Codertocat\ncommented /promgate regenerate on pull request #2.',
        '- slo/checkout.rules.yml, from slo/checkout.yml',
      ].join('\n\n'),
      tree: NEW_TREE_SHA,
      parents: [HEAD_SHA],
    },
  ]);
  expect(command.bodiesOf(`PATCH ${REPOSITORY}/git/refs/heads%2Fchanges`)).toEqual([{ sha: NEW_COMMIT_SHA, force: false }]);
  expect(replyBody(command)).toBe(
    [
      '@Codertocat promgate pushed commit `3333333` to `changes`, which regenerates 1 rule file:',
      '- `slo/checkout.rules.yml` (updated), from `slo/checkout.yml`',
      'promgate reviews the new commit when GitHub reports the push.',
    ].join('\n\n'),
  );
  expect([...review.validationErrors, ...command.validationErrors]).toEqual([]);

  // GitHub's `synchronize` for the new commit reviews the files the command wrote.
  const [pushed] = command.bodiesOf(`POST ${REPOSITORY}/git/blobs`) as { content: string }[];
  const newTree: TreeFile[] = [
    { path: SPEC_PATH, text: CHECKOUT_SPEC },
    { path: RULES_PATH, text: pushed!.content },
  ];
  const rulesChange: ListedFile = { filename: RULES_PATH, status: 'modified', text: pushed!.content, patch: githubPatch(RULES_PATH, staleCheckoutRules(), pushed!.content) };
  const synchronize = new GitHubMock()
    .listCheckRuns([], NEW_COMMIT_SHA)
    .createCheckRun()
    .policyFile(BASE_SHA, BASE_POLICY)
    .pullRequestFiles([SPEC_CHANGE, rulesChange])
    .tree(newTree, { sha: NEW_COMMIT_SHA })
    .blobs([newTree[1]!])
    .updateCheckRun()
    .reviewState();
  await probot.receive(pullRequestEvent('synchronize', { changedFiles: 2, headSha: NEW_COMMIT_SHA }));

  const summary = checkRunSummary(synchronize);
  expect(summary).toContain('promgate linted the 2 changed files of this pull request at `3333333`');
  expect(summary).not.toContain('slo/generated-stale');
  expect(synchronize.validationErrors).toEqual([]);
});

test('regenerate with nothing to change', async () => {
  const fresh = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const broken = 'version: "prometheus/v1"\nservice: search\nslos:\n  - name: availability\n    objective: 120\n';
  const tree: TreeFile[] = [
    { path: 'slo/broken.yml', text: broken },
    { path: SPEC_PATH, text: CHECKOUT_SPEC },
    { path: RULES_PATH, text: fresh },
  ];
  const github = acceptedCommand(new GitHubMock())
    .getPullRequest(2)
    .policyFile(BASE_SHA, undefined)
    .tree(tree)
    .blobs(tree)
    .createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(github.requestLines.filter((line) => !line.includes('/git/blobs/'))).toEqual([
    TOKEN,
    PERMISSION,
    REACTION,
    `GET ${REPOSITORY}/pulls/2`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    REPLY,
  ]);
  expect(github.requestLines.filter((line) => line.includes('/git/blobs/')).sort()).toEqual(tree.map((file) => `GET ${REPOSITORY}/git/blobs/${blobSha(file.text)}`).sort());
  const body = replyBody(github);
  expect(body.startsWith('@Codertocat the rule files of 1 SLO spec at `ec26c3e` are up to date, so promgate pushed nothing.\n\nThese specs are invalid, so promgate left their rule files as they are:\n\n- `slo/broken.yml`\n  - line ')).toBe(true);
  expect(body).toContain('  - line 4: `slos[0].sli` is missing.');
  expect(github.validationErrors).toEqual([]);
});

test('regenerate without specs says so', async () => {
  const tree: TreeFile[] = [{ path: 'rules/api.yml', text: 'groups: []\n' }];
  const github = acceptedCommand(new GitHubMock(), 'admin').getPullRequest(2).policyFile(BASE_SHA, undefined).tree(tree).blobs(tree).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(replyBody(github)).toBe(
    '@Codertocat promgate found no SLO spec at `ec26c3e`, so it regenerated nothing. A spec is a YAML file that starts with `version: "prometheus/v1"` (Sloth) or `apiVersion: openslo/v1` (OpenSLO).',
  );
});

test('fork without maintainer edits gets a patch', async () => {
  const expected = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const tree = staleTree();
  const github = acceptedCommand(new GitHubMock())
    .getPullRequest(2, { headRepository: FORK, maintainerCanModify: false })
    .policyFile(BASE_SHA, undefined)
    .tree(tree)
    .blobs(tree)
    .createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(github.requestLines.filter((line) => !line.includes('/git/blobs/'))).toEqual([
    TOKEN,
    PERMISSION,
    REACTION,
    `GET ${REPOSITORY}/pulls/2`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=${BASE_SHA}`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    REPLY,
  ]);
  expect(github.requestLines.filter((line) => line.startsWith('POST') && line.includes('/git/'))).toEqual([]);
  const body = replyBody(github);
  expect(body.startsWith("@Codertocat promgate cannot push to this pull request's branch, because its branch `changes` is in the fork `contributor/Hello-World`, whose author does not allow edits by maintainers.")).toBe(true);
  expect(body).toContain('Apply this patch with `git apply`, or run `promgate generate slo slo/checkout.yml` and commit the result.');
  expect(applyPatch({ [RULES_PATH]: staleCheckoutRules() }, patchOf(body))).toEqual({ [RULES_PATH]: expected });
});

test('fork with maintainer edits gets the commit', async () => {
  const expected = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const tree = staleTree();
  const upstream = acceptedCommand(new GitHubMock())
    .getPullRequest(2, { headRepository: FORK, maintainerCanModify: true })
    .policyFile(BASE_SHA, undefined)
    .tree(tree)
    .blobs(tree)
    .createComment();
  const fork = new GitHubMock(undefined, { owner: 'contributor', repo: 'Hello-World', installationId: 1 })
    .getCommit(HEAD_SHA, HEAD_TREE_SHA)
    .createBlob(expected)
    .createTree(NEW_TREE_SHA)
    .createCommit(NEW_COMMIT_SHA)
    .updateRef('changes');
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(fork.requestLines).toEqual([
    `GET /repos/contributor/Hello-World/git/commits/${HEAD_SHA}`,
    'POST /repos/contributor/Hello-World/git/blobs',
    'POST /repos/contributor/Hello-World/git/trees',
    'POST /repos/contributor/Hello-World/git/commits',
    'PATCH /repos/contributor/Hello-World/git/refs/heads%2Fchanges',
  ]);
  expect(replyBody(upstream).startsWith('@Codertocat promgate pushed commit `3333333` to `changes`')).toBe(true);
  expect([...upstream.validationErrors, ...fork.validationErrors]).toEqual([]);
});

test('rejected branch update gets a patch', async () => {
  const expected = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const tree = staleTree();
  const github = acceptedCommand(new GitHubMock())
    .getPullRequest(2)
    .policyFile(BASE_SHA, undefined)
    .tree(tree)
    .blobs(tree)
    .getCommit(HEAD_SHA, HEAD_TREE_SHA)
    .createBlob(expected)
    .createTree(NEW_TREE_SHA)
    .createCommit(NEW_COMMIT_SHA)
    .updateRef('changes', 422)
    .createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(github.requestLines.slice(-3)).toEqual([`POST ${REPOSITORY}/git/commits`, `PATCH ${REPOSITORY}/git/refs/heads%2Fchanges`, REPLY]);
  const body = replyBody(github);
  expect(body).toContain("promgate cannot push to this pull request's branch, because GitHub rejected the push with status 422 (`Update is not a fast forward`");
  expect(body).toContain('comment `/promgate regenerate` again to regenerate from them.');
  expect(applyPatch({ [RULES_PATH]: staleCheckoutRules() }, patchOf(body))).toEqual({ [RULES_PATH]: expected });
  expect(github.validationErrors).toEqual([]);
});

test('regenerate uses the base policy settings', async () => {
  const policy = 'slo:\n  page_for: 5m\n  runbook_base_url: https://runbooks.internal.example\n';
  const spec = CHECKOUT_SPEC;
  const tree: TreeFile[] = [{ path: SPEC_PATH, text: spec }];
  const github = acceptedCommand(new GitHubMock())
    .getPullRequest(2)
    .policyFile(BASE_SHA, policy)
    .tree(tree)
    .blobs(tree)
    .getCommit(HEAD_SHA, HEAD_TREE_SHA);
  // The blob's content depends on the policy, so the mock returns the SHA of a placeholder.
  github.createBlob('any');
  github.createTree(NEW_TREE_SHA).createCommit(NEW_COMMIT_SHA).updateRef('changes').createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  const [blob] = github.bodiesOf(`POST ${REPOSITORY}/git/blobs`) as { content: string }[];
  expect(blob?.content).toContain('for: 5m');
  expect(blob?.content).toContain('https://runbooks.internal.example/');
  const [treeBody] = github.bodiesOf(`POST ${REPOSITORY}/git/trees`) as { tree: { path: string }[] }[];
  expect(treeBody?.tree.map((entry) => entry.path)).toEqual([RULES_PATH]);
  expect(replyBody(github)).toContain('- `slo/checkout.rules.yml` (new), from `slo/checkout.yml`');
});

test('regenerate waits for a running review', async () => {
  const expected = await generateWithCli(SPEC_PATH, CHECKOUT_SPEC);
  const tree = staleTree();
  const github = new GitHubMock()
    .installationToken()
    .listCheckRuns()
    .createCheckRun()
    .policyFile(BASE_SHA, undefined)
    .pullRequestFiles([SPEC_CHANGE])
    .tree(tree)
    .blobs(tree)
    .updateCheckRun()
    .reviewState()
    .createReview()
    .collaboratorPermission('Codertocat', 'write')
    .createReaction(COMMENT_ID)
    .getPullRequest(2)
    .policyFile(BASE_SHA, undefined)
    .tree(tree)
    .getCommit(HEAD_SHA, HEAD_TREE_SHA)
    .createBlob(expected)
    .createTree(NEW_TREE_SHA)
    .createCommit(NEW_COMMIT_SHA)
    .updateRef('changes')
    .createComment();
  const { probot } = await createTestProbot();

  await Promise.all([probot.receive(pullRequestEvent('synchronize', { changedFiles: 1 })), probot.receive(issueCommentEvent('/promgate regenerate'))]);

  // The review took the pull request's lock first, so the command reads the pull request only after the review's last request.
  const lines = github.requestLines;
  expect(lines.indexOf(`GET ${REPOSITORY}/pulls/2`)).toBeGreaterThan(lines.lastIndexOf('POST /graphql'));
  expect(lines.indexOf(`PATCH ${REPOSITORY}/check-runs/4242`)).toBeLessThan(lines.indexOf(`GET ${REPOSITORY}/pulls/2`));
  expect(github.validationErrors).toEqual([]);
});
