/** A repository, as the owner and name parameters of GitHub's API. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** The pull request a review is about, with the commits promgate reads. */
export interface PullRequestTarget extends RepositoryRef {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** The number of files the pull request changes, as GitHub counts them. */
  changedFiles: number;
}

/** Identifies a pull request in logs, locks and metrics: `owner/repo#number`. */
export function pullRequestKey(target: PullRequestTarget): string {
  return `${target.owner}/${target.repo}#${target.number}`;
}

/** Returns the owner and name of a target's repository, for API parameters. */
export function repositoryOf(target: RepositoryRef): RepositoryRef {
  return { owner: target.owner, repo: target.repo };
}
