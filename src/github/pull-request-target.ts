/** A repository, as the owner and name parameters of GitHub's API. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** A pull request of a repository, by number. */
export interface PullRequestRef extends RepositoryRef {
  number: number;
}

/** The pull request a review is about, with the commits promgate reads. */
export interface PullRequestTarget extends PullRequestRef {
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** The number of files the pull request changes, as GitHub counts them. */
  changedFiles: number;
  /** The names of the pull request's labels, which checks such as `dod/monitoring` read. */
  labels: string[];
  /** The pull request description in markdown; empty when it has none. */
  body: string;
}

/**
 * The fields of a pull request that a target needs, as both the webhook
 * payloads and `GET /repos/{owner}/{repo}/pulls/{pull_number}` carry them.
 */
export interface PullRequestData {
  number: number;
  head: { sha: string };
  base: { sha: string; ref: string };
  /** Some webhook payload types mark the count optional. */
  changed_files?: number;
  labels: readonly { name: string }[];
  body: string | null;
}

/** Builds the target of a pull request from GitHub's description of it. */
export function targetOf(repository: RepositoryRef, pull: PullRequestData): PullRequestTarget {
  return {
    ...repositoryOf(repository),
    number: pull.number,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    baseRef: pull.base.ref,
    // Without the count, the summary cannot tell that GitHub cut the file list.
    changedFiles: pull.changed_files ?? 0,
    labels: pull.labels.map((label) => label.name),
    body: pull.body ?? '',
  };
}

/** Identifies a pull request in logs, locks and metrics: `owner/repo#number`. */
export function pullRequestKey(pullRequest: PullRequestRef): string {
  return `${pullRequest.owner}/${pullRequest.repo}#${pullRequest.number}`;
}

/** Returns the owner and name of a target's repository, for API parameters. */
export function repositoryOf(target: RepositoryRef): RepositoryRef {
  return { owner: target.owner, repo: target.repo };
}
