import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { addedFilePatch, GitHubMock, HEAD_SHA } from './helpers/github-mock.js';
import { acceptedCommand, PERMISSION, REACTION, REPLY, replyBody, TOKEN } from './helpers/comment-flow.js';
import { useNockIsolation } from './helpers/nock-isolation.js';
import { COMMENT_ID, issueCommentEvent } from './helpers/payloads.js';
import { reviewSteps } from './helpers/review-flow.js';
import { PROBLEM_RULES } from './helpers/rule-files.js';
import { createTestProbot, parseLogs } from './helpers/test-probot.js';
import type { ListedFile } from './helpers/github-mock.js';

useNockIsolation();

const REPOSITORY = '/repos/Codertocat/Hello-World';

test('help lists the commands', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
  expect(github.bodiesOf(REACTION)).toEqual([{ content: 'eyes' }]);
  const body = replyBody(github);
  expect(body.startsWith('@Codertocat promgate runs these commands:')).toBe(true);
  for (const command of ['/promgate regenerate', '/promgate recheck', '/promgate explain CHECK', '/promgate help']) expect(body).toContain(`\`${command}\``);
  expect(github.validationErrors).toEqual([]);
});

test('unknown command gets help', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('Thanks!\n/promgate frobnicate now'));

  const body = replyBody(github);
  expect(body.startsWith('@Codertocat `/promgate frobnicate` is not a promgate command. promgate runs these commands:')).toBe(true);
  expect(body).toContain('`/promgate regenerate`');
});

test.each(['maintain', 'admin'])('role %s may run commands', async (role) => {
  const github = acceptedCommand(new GitHubMock(), role).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
});

test('custom role on write access may run commands', async () => {
  const github = new GitHubMock().installationToken().collaboratorPermission('Codertocat', 'release-manager', 'write').createReaction(COMMENT_ID).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
});

test('user GitHub does not know is rejected', async () => {
  const github = new GitHubMock().installationToken().collaboratorNotFound('Codertocat').createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REPLY]);
  expect(replyBody(github)).toContain('and your access is `none`.');
});

test('read access is rejected', async () => {
  const github = new GitHubMock().installationToken().collaboratorPermission('Codertocat', 'triage').createComment();
  const { probot, metrics } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REPLY]);
  expect(replyBody(github)).toBe(
    '@Codertocat only people with `write`, `maintain`, `admin` access to `Codertocat/Hello-World` can run promgate commands, and your access is `triage`. Ask a maintainer to comment the command.',
  );
  expect(await metrics.registry.getSingleMetricAsString('promgate_commands_total')).toContain('promgate_commands_total{command="regenerate",result="rejected"} 1');
  expect(github.validationErrors).toEqual([]);
});

test.each([
  ['type Bot', { login: 'promgate[bot]', userType: 'Bot' }],
  ['bot login', { login: 'renovate[bot]', userType: 'User' }],
])('comment by %s is ignored', async (_name, author) => {
  const github = new GitHubMock();
  const { probot, logs } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate regenerate', author));

  expect(github.requestLines).toEqual([]);
  expect(parseLogs(logs).some((entry) => entry.msg === 'Running a promgate command')).toBe(false);
});

test.each([
  ['mid-line', 'Could someone run /promgate regenerate?'],
  ['indented', '  /promgate regenerate'],
  ['quoted', '> /promgate regenerate'],
  ['fenced', '```\n/promgate regenerate\n```'],
  ['other case', '/Promgate regenerate'],
  ['longer word', '/promgates regenerate'],
])('command %s is ignored', async (_name, body) => {
  const github = new GitHubMock();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent(body));

  expect(github.requestLines).toEqual([]);
});

test('comment on an issue is ignored', async () => {
  const github = new GitHubMock();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help', { onPullRequest: false }));

  expect(github.requestLines).toEqual([]);
});

test('explain shows the check page', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate explain slo/generated-stale'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
  const page = readFileSync(new URL('../../docs/checks/slo/generated-stale.md', import.meta.url), 'utf8');
  const url = 'https://github.com/promgate/promgate/blob/main/docs/checks/slo/generated-stale.md';
  expect(replyBody(github)).toBe(`@Codertocat the documentation of \`slo/generated-stale\`, from ${url}:\n\n---\n\n${page.trimEnd()}`);
});

test('explain makes page links absolute', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate explain slo/spec'));

  const body = replyBody(github);
  expect(body).toContain('](https://github.com/promgate/promgate/blob/main/docs/slo.md)');
  expect(body).not.toContain('](../../slo.md)');
});

test('explain of unknown id suggests ids', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate explain generated-stal'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
  expect(replyBody(github)).toBe(
    '@Codertocat `generated-stal` is not a promgate check. Did you mean `slo/generated-stale`? The checks are listed at https://github.com/promgate/promgate/blob/main/docs/checks/README.md.',
  );
});

test('explain never reads other paths', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate explain ../../package'));

  expect(replyBody(github)).toBe('@Codertocat `../../package` is not a promgate check. The checks are listed at https://github.com/promgate/promgate/blob/main/docs/checks/README.md.');
});

test('explain without id asks for one', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate explain'));

  expect(replyBody(github)).toContain('`/promgate explain` needs a check id, such as `/promgate explain slo/generated-stale`.');
});

test('recheck reviews the current head', async () => {
  const files: ListedFile[] = [{ filename: 'rules/api.yml', status: 'added', text: PROBLEM_RULES, patch: addedFilePatch(PROBLEM_RULES) }];
  const github = acceptedCommand(new GitHubMock()).getPullRequest(2);
  for (const step of reviewSteps({ files }).slice(1)) step.register(github);
  github.createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate recheck'));

  expect(github.requestLines.filter((line) => !line.includes('/git/blobs/'))).toEqual([
    TOKEN,
    PERMISSION,
    REACTION,
    `GET ${REPOSITORY}/pulls/2`,
    `GET ${REPOSITORY}/commits/${HEAD_SHA}/check-runs?check_name=promgate&filter=all&per_page=100&app_id=123`,
    `POST ${REPOSITORY}/check-runs`,
    `GET ${REPOSITORY}/contents/.github%2Fpromgate.yml?ref=f95f852bd8fca8fcc58a9a2d6c842781e32a215e`,
    `GET ${REPOSITORY}/pulls/2/files?per_page=100`,
    `GET ${REPOSITORY}/git/trees/${HEAD_SHA}?recursive=1`,
    `PATCH ${REPOSITORY}/check-runs/4242`,
    'POST /graphql',
    'POST /graphql',
    `POST ${REPOSITORY}/pulls/2/reviews`,
    REPLY,
  ]);
  const [update] = github.bodiesOf(`PATCH ${REPOSITORY}/check-runs/4242`) as { conclusion: string; output: { title: string } }[];
  expect(update?.conclusion).toBe('failure');
  expect(replyBody(github)).toMatch(/^@Codertocat promgate reviewed `ec26c3e` again: the `promgate` check run concluded `failure` with \d+ findings in the changes\.$/);
  expect(github.validationErrors).toEqual([]);
});

test('recheck of a closed pull request', async () => {
  const github = acceptedCommand(new GitHubMock()).getPullRequest(2, { state: 'closed' }).createComment();
  const { probot } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate recheck'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, `GET ${REPOSITORY}/pulls/2`, REPLY]);
  expect(replyBody(github)).toBe('@Codertocat this pull request is closed, so promgate did not run `/promgate recheck`. Reopen it first.');
});

test('same delivery runs once', async () => {
  const github = acceptedCommand(new GitHubMock()).createComment();
  const { probot, metrics } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help', {}, 'delivery-twice'));
  await probot.receive(issueCommentEvent('/promgate help', {}, 'delivery-twice'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
  expect(await metrics.registry.getSingleMetricAsString('promgate_webhook_deliveries_skipped_total')).toContain('promgate_webhook_deliveries_skipped_total 1');
});

test('failed reaction still replies', async () => {
  const github = new GitHubMock().installationToken().collaboratorPermission('Codertocat', 'write').fault('422', { replace: true }).createReaction(COMMENT_ID).createComment();
  const { probot, logs } = await createTestProbot();

  await probot.receive(issueCommentEvent('/promgate help'));

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, REPLY]);
  expect(parseLogs(logs).find((entry) => entry.msg === 'Failed to react to the command comment')).toMatchObject({ commentId: COMMENT_ID });
});

test('failed command replies and throws', async () => {
  const github = acceptedCommand(new GitHubMock()).fault('422', { replace: true }).getPullRequest(2).createComment();
  const { probot, metrics } = await createTestProbot();

  await expect(probot.receive(issueCommentEvent('/promgate recheck'))).rejects.toThrow();

  expect(github.requestLines).toEqual([TOKEN, PERMISSION, REACTION, `GET ${REPOSITORY}/pulls/2`, REPLY]);
  const body = replyBody(github);
  expect(body.startsWith('@Codertocat promgate failed to run `/promgate recheck`: `Unprocessable Entity')).toBe(true);
  expect(body).toContain('Comment the command again to retry. If it keeps failing, report it with the webhook delivery id `delivery-comment`.');
  expect(await metrics.registry.getSingleMetricAsString('promgate_commands_total')).toContain('promgate_commands_total{command="recheck",result="failed"} 1');
});
