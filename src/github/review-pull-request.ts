import { CheckRunPublisher } from './check-run-publisher.js';
import { internalErrorCheckRun } from './check-run-result.js';
import { lintPullRequest } from './lint-pull-request.js';
import { httpStatus } from './pull-request-reader.js';
import { closeFixedThreads } from './resolve-fixed-threads.js';
import { postReview } from './review-publisher.js';
import { readReviewState } from './review-state.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { Finding } from '../finding.js';
import type { CheckRunConclusion } from './check-run-updates.js';
import type { LintDependencies, LintOutcome, ReviewProgress } from './lint-pull-request.js';
import type { PullRequestTarget } from './pull-request-target.js';

export interface ReviewDependencies extends LintDependencies {
  /** The App's id, to find its own check runs; undefined when unknown. */
  appId: number | undefined;
  /** The clock for `completed_at`; tests pass a fixed one. */
  now: () => Date;
}

export interface ReviewRequest {
  octokit: ProbotOctokit;
  target: PullRequestTarget;
  deliveryId: string;
  log: Logger;
}

export interface ReviewResult {
  conclusion: CheckRunConclusion;
  /** The findings that decided the conclusion. */
  reported: Finding[];
}

/**
 * Reviews a pull request: the `promgate` check run on its head commit, then
 * one review with comments on the changed lines, then closes promgate's
 * comments on findings that are gone. The check run always completes, with
 * the policy's `on_error` conclusion when the review cannot finish, because
 * a required check that never reports blocks the pull request with no
 * explanation. Throws only when the check run cannot be created or completed.
 */
export async function reviewPullRequest(request: ReviewRequest, dependencies: ReviewDependencies): Promise<ReviewResult> {
  const { octokit, target, log } = request;
  const checkRun = await CheckRunPublisher.start(octokit, target, dependencies.appId, log);
  log.info({ checkRunId: checkRun.checkRunId }, 'Started the promgate check run');

  const progress: ReviewProgress = { step: 'read the policy file', onError: 'failure' };
  let outcome: LintOutcome;
  try {
    outcome = await lintPullRequest(octokit, target, dependencies, progress, log);
    progress.step = 'complete the check run';
    await checkRun.complete(outcome.checkRun, dependencies.now());
  } catch (error) {
    log.error({ err: error, status: httpStatus(error), checkRunId: checkRun.checkRunId }, `promgate failed to ${progress.step}`);
    const failed = internalErrorCheckRun(progress.step, error, request.deliveryId, progress.onError);
    await checkRun.complete(failed, dependencies.now());
    return { conclusion: failed.conclusion, reported: [] };
  }
  log.info({ checkRunId: checkRun.checkRunId, conclusion: outcome.checkRun.conclusion, findings: outcome.candidates.length }, 'Completed the promgate check run');

  try {
    await publishReview(request, outcome);
  } catch (error) {
    // The check run already carries every finding, so a failed review loses no information.
    log.error({ err: error, status: httpStatus(error) }, 'promgate failed to post the review');
  }
  return { conclusion: outcome.checkRun.conclusion, reported: outcome.candidates.map((candidate) => candidate.finding) };
}

async function publishReview(request: ReviewRequest, outcome: LintOutcome): Promise<void> {
  const { octokit, target, log } = request;
  const hasReviewContent = outcome.candidates.some((candidate) => candidate.comment !== undefined || candidate.finding.file === undefined);
  if (!hasReviewContent && !outcome.complete) {
    log.debug({ findings: outcome.candidates.length }, 'Nothing to comment on and no earlier comment to close, so promgate posts no review');
    return;
  }

  const state = await readReviewState(octokit, target);
  const posted = await postReview(octokit, target, outcome.candidates, state.posted, log);
  if (posted.kind === 'posted') log.info({ comments: posted.comments }, 'Posted the promgate review');
  else if (posted.kind === 'posted-without-comments') log.info({ listed: posted.listed }, 'Posted the promgate review with its findings in the body');
  else log.debug('Every finding already has a comment, so promgate posts no review');

  // A finding missing from an incomplete lint may just be unread, so its comment stays.
  if (!outcome.complete) return;
  const cleanup = await closeFixedThreads(octokit, state.threads, outcome.fingerprints, log);
  if (cleanup.resolved + cleanup.minimized + cleanup.failed > 0) log.info({ ...cleanup }, 'Closed the comments of fixed findings');
}
