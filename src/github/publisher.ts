import { CHECK_RUN_NAME } from './check-run-updates.js';
import type { ProbotOctokit } from 'probot';
import type { CheckRunUpdate } from './check-run-updates.js';
import type { PullRequestTarget } from './pull-request-reader.js';
import type { ReviewPlan } from './review-plan.js';

/** Sends what promgate publishes on a pull request; every write to GitHub goes through here. */
export class Publisher {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly target: PullRequestTarget,
  ) {}

  /** Creates the `promgate` check run on the head commit, in progress, and returns its id. */
  async startCheckRun(): Promise<number> {
    const { data } = await this.octokit.rest.checks.create({
      owner: this.target.owner,
      repo: this.target.repo,
      name: CHECK_RUN_NAME,
      head_sha: this.target.headSha,
      status: 'in_progress',
      output: {
        title: 'Linting monitoring configuration',
        summary: 'promgate is reading the files this pull request changes.',
      },
    });
    return data.id;
  }

  /** Sends the updates in order; the last one completes the run. */
  async updateCheckRun(checkRunId: number, updates: readonly CheckRunUpdate[]): Promise<void> {
    for (const update of updates) {
      await this.octokit.rest.checks.update({ owner: this.target.owner, repo: this.target.repo, check_run_id: checkRunId, ...update });
    }
  }

  /** Posts the review on the head commit that was linted, so comments stay on the lines they were about. */
  async createReview(review: ReviewPlan): Promise<void> {
    await this.octokit.rest.pulls.createReview({
      owner: this.target.owner,
      repo: this.target.repo,
      pull_number: this.target.number,
      commit_id: this.target.headSha,
      ...review,
    });
  }
}
