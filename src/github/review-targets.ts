import { readPullRequest } from './read-pull-request.js';
import { targetOf } from './pull-request-target.js';
import type { Logger } from 'pino';
import type { Context, ProbotOctokit } from 'probot';
import type { PullRequestTarget, RepositoryRef } from './pull-request-target.js';

/** Pull request events that start a review: a new pull request, a push to it, or its reopening. */
export const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'] as const;

export type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

/** Reads the pull request a `pull_request` event is about from its payload, labels and description included. */
export function pullRequestTarget(payload: PullRequestContext['payload']): PullRequestTarget {
  return targetOf({ owner: payload.repository.owner.login, repo: payload.repository.name }, payload.pull_request);
}

/**
 * Finds the open pull requests to review again when someone re-runs the
 * check on commit `headSha`. The payload lists the pull requests of the
 * repository itself; for pull requests from forks it lists none, so they are
 * looked up by commit. A pull request whose head has moved past `headSha` is
 * skipped, since its newer commit gets its own review. Each pull request is
 * read again, because its labels and description may have changed since the
 * commit was pushed.
 */
export async function rerunTargets(
  octokit: ProbotOctokit,
  repository: RepositoryRef,
  headSha: string,
  pullRequestNumbers: readonly number[],
  log: Logger,
): Promise<PullRequestTarget[]> {
  let numbers = [...pullRequestNumbers];
  if (numbers.length === 0) {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repository, commit_sha: headSha });
    numbers = data.filter((pull) => pull.state === 'open' && pull.head.sha === headSha).map((pull) => pull.number);
  }

  const targets: PullRequestTarget[] = [];
  for (const number of numbers) {
    const pull = await readPullRequest(octokit, { ...repository, number });
    if (pull.state !== 'open' || pull.target.headSha !== headSha) {
      log.info({ pullRequest: number, state: pull.state, headSha: pull.target.headSha, requestedSha: headSha }, 'Skipped a re-run for a pull request that is closed or has newer commits');
      continue;
    }
    targets.push(pull.target);
  }
  if (targets.length === 0) log.info({ headSha }, 'Found no open pull request to review again for the re-run commit');
  return targets;
}
