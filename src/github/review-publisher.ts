import { planReview } from './review-plan.js';
import { httpStatus } from './pull-request-reader.js';
import { repositoryOf } from './pull-request-target.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { PullRequestTarget } from './pull-request-target.js';
import type { ReviewCandidate, ReviewPlan } from './review-plan.js';

export type PostedReview = { kind: 'none' } | { kind: 'posted'; comments: number } | { kind: 'posted-without-comments'; listed: number };

/**
 * Posts one review with the new findings. GitHub rejects the whole review
 * with 422 when one inline comment points at a line it cannot place, and its
 * response does not name the comment. The review is then posted again with
 * every finding listed in its body, so no finding is lost or posted twice.
 */
export async function postReview(
  octokit: ProbotOctokit,
  target: PullRequestTarget,
  candidates: readonly ReviewCandidate[],
  posted: ReadonlySet<string>,
  log: Logger,
): Promise<PostedReview> {
  const review = planReview(candidates, posted);
  if (review === undefined) return { kind: 'none' };

  try {
    await createReview(octokit, target, review);
    return { kind: 'posted', comments: review.comments.length };
  } catch (error) {
    if (httpStatus(error) !== 422 || review.comments.length === 0) throw error;
    log.warn({ err: error, comments: review.comments.length }, 'GitHub rejected the review with inline comments; posting it with the findings listed in its body');
  }

  const fallback = planReview(candidates, posted, { inlineComments: false });
  if (fallback === undefined) return { kind: 'none' };
  await createReview(octokit, target, fallback);
  return { kind: 'posted-without-comments', listed: review.comments.length };
}

/** Posts on the head commit that was linted, so comments stay on the lines they were about. */
async function createReview(octokit: ProbotOctokit, target: PullRequestTarget, review: ReviewPlan): Promise<void> {
  // NOTE: a request that timed out may have created the review on GitHub's side, and the retry then posts a second one.
  await octokit.rest.pulls.createReview({ ...repositoryOf(target), pull_number: target.number, commit_id: target.headSha, ...review });
}
