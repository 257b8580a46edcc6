import { targetOf } from './pull-request-target.js';
import type { ProbotOctokit } from 'probot';
import type { PullRequestRef, PullRequestTarget, RepositoryRef } from './pull-request-target.js';

/** A pull request as `GET /repos/{owner}/{repo}/pulls/{pull_number}` returns it, with what commands need beyond a review. */
export interface PullRequestDetails {
  target: PullRequestTarget;
  state: 'open' | 'closed';
  /** The branch the pull request merges from. */
  headRef: string;
  /** The repository of that branch, or undefined when its fork was deleted. */
  headRepository: RepositoryRef | undefined;
  /** Whether the head branch is in another repository than the base branch. */
  fromFork: boolean;
  /** Whether the author of a pull request from a fork lets maintainers push to its branch. */
  maintainerCanModify: boolean;
}

/** Reads the current state of a pull request: its head commit, labels and description may have changed since the event. */
export async function readPullRequest(octokit: ProbotOctokit, pullRequest: PullRequestRef): Promise<PullRequestDetails> {
  const repository = { owner: pullRequest.owner, repo: pullRequest.repo };
  const { data: pull } = await octokit.rest.pulls.get({ ...repository, pull_number: pullRequest.number });
  const head = pull.head.repo === null ? undefined : { owner: pull.head.repo.owner.login, repo: pull.head.repo.name };
  return {
    target: targetOf(repository, pull),
    state: pull.state === 'open' ? 'open' : 'closed',
    headRef: pull.head.ref,
    headRepository: head,
    fromFork: head === undefined || head.owner.toLowerCase() !== repository.owner.toLowerCase() || head.repo.toLowerCase() !== repository.repo.toLowerCase(),
    maintainerCanModify: pull.maintainer_can_modify,
  };
}
