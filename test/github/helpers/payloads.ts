import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';

export type PullRequestAction = 'opened' | 'synchronize' | 'reopened';

export type WebhookEvent = Parameters<Probot['receive']>[0];

export interface PayloadOverrides {
  changedFiles?: number;
  labels?: string[];
  headSha?: string;
  body?: string;
}

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/webhooks/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/**
 * Builds a `pull_request` event from the fixture copied from
 * `@octokit/webhooks-examples`, changing only the fields a test names.
 */
export function pullRequestEvent(action: PullRequestAction, overrides: PayloadOverrides = {}, id = `delivery-${action}`): WebhookEvent {
  const payload = readFixture(`pull_request.${action}`) as { pull_request: { changed_files: number; labels: { name: string }[]; head: { sha: string }; body: string | null } };
  if (overrides.changedFiles !== undefined) payload.pull_request.changed_files = overrides.changedFiles;
  if (overrides.labels !== undefined) payload.pull_request.labels = overrides.labels.map((name) => ({ name }));
  if (overrides.headSha !== undefined) payload.pull_request.head.sha = overrides.headSha;
  if (overrides.body !== undefined) payload.pull_request.body = overrides.body;
  // The fixture is a GitHub payload for this event; JSON.parse cannot know its type.
  return { id, name: 'pull_request', payload } as WebhookEvent;
}

/**
 * Builds a `check_run.rerequested` event for the `promgate` run of the test
 * App. The package's example is another App's run on `github/hello-world`
 * without pull requests, so only the name and App id change.
 */
export function checkRunRerequestedEvent(id = 'delivery-check-run', appId = 123): WebhookEvent {
  const payload = readFixture('check_run.rerequested') as { check_run: { name: string; app: { id: number } } };
  payload.check_run.name = 'promgate';
  payload.check_run.app.id = appId;
  return { id, name: 'check_run', payload } as WebhookEvent;
}

/** Builds a `check_suite.rerequested` event for the test App's suite on pull request 2 of `Codertocat/Hello-World`. */
export function checkSuiteRerequestedEvent(id = 'delivery-check-suite', appId = 123): WebhookEvent {
  const payload = readFixture('check_suite.rerequested') as { check_suite: { app: { id: number } } };
  payload.check_suite.app.id = appId;
  return { id, name: 'check_suite', payload } as WebhookEvent;
}

/** The id of the comment in the `issue_comment.created` fixture. */
export const COMMENT_ID = 492700400;

export interface CommentOverrides {
  login?: string;
  userType?: string;
  /** False keeps the fixture's issue, which is no pull request. */
  onPullRequest?: boolean;
}

/**
 * Builds an `issue_comment.created` event with `body` from the example of
 * `@octokit/webhooks-examples`. The example comments on issue 1, so the
 * comment is moved to pull request 2 of the same repository, which GitHub
 * marks with `issue.pull_request`.
 */
export function issueCommentEvent(body: string, overrides: CommentOverrides = {}, id = 'delivery-comment'): WebhookEvent {
  const payload = readFixture('issue_comment.created') as {
    issue: { number: number; pull_request?: Record<string, unknown> };
    comment: { body: string; user: { login: string; type: string } };
  };
  if (overrides.onPullRequest !== false) {
    payload.issue.number = 2;
    payload.issue.pull_request = {
      url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/2',
      html_url: 'https://github.com/Codertocat/Hello-World/pull/2',
      diff_url: 'https://github.com/Codertocat/Hello-World/pull/2.diff',
      patch_url: 'https://github.com/Codertocat/Hello-World/pull/2.patch',
      merged_at: null,
    };
  }
  payload.comment.body = body;
  if (overrides.login !== undefined) payload.comment.user.login = overrides.login;
  if (overrides.userType !== undefined) payload.comment.user.type = overrides.userType;
  return { id, name: 'issue_comment', payload } as WebhookEvent;
}
