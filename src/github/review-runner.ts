import { performance } from 'node:perf_hooks';
import { countFindings } from './metrics.js';
import { pullRequestKey } from './pull-request-target.js';
import { reviewPullRequest } from './review-pull-request.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { DeliveryRegistry } from './delivery-registry.js';
import type { AppMetrics } from './metrics.js';
import type { PullRequestRef, PullRequestTarget } from './pull-request-target.js';
import type { ReviewDependencies, ReviewResult } from './review-pull-request.js';
import type { ReviewLock } from './review-lock.js';

/** The parts of a Probot context a review needs, whichever event started it. */
export interface EventContext {
  /** The webhook delivery id. */
  id: string;
  octokit: ProbotOctokit;
  log: Logger;
}

/**
 * Runs reviews for webhook deliveries: once per delivery id, one at a time
 * per pull request, with a log line and metrics for each review.
 */
export class ReviewRunner {
  constructor(
    private readonly deliveries: DeliveryRegistry,
    private readonly lock: ReviewLock,
    private readonly metrics: AppMetrics,
    readonly dependencies: ReviewDependencies,
  ) {}

  /** Reviews the pull requests `findTargets` returns, unless this delivery was processed before. */
  async handle(context: EventContext, findTargets: () => Promise<PullRequestTarget[]>): Promise<void> {
    await this.once(context, async () => {
      for (const target of await findTargets()) await this.review(context, target);
    });
  }

  /**
   * Runs `work` unless this delivery was processed before. When `work`
   * throws, the delivery id is released so that redelivering it from the
   * App's settings runs it again.
   */
  async once(context: EventContext, work: () => Promise<void>): Promise<void> {
    if (!(await this.deliveries.claim(context.id))) {
      this.metrics.deliveriesSkipped.inc();
      context.log.info('Skipped a webhook delivery that promgate already processed');
      return;
    }

    try {
      await work();
    } catch (error) {
      await this.deliveries.release(context.id).catch((releaseError: unknown) => {
        context.log.error({ err: releaseError }, 'Failed to release the webhook delivery id; a redelivery will be skipped');
      });
      throw error;
    }
  }

  /** Runs `task` while no review or command of the same pull request runs, on this instance or another. */
  exclusive<T>(pullRequest: PullRequestRef, task: () => Promise<T>): Promise<T> {
    return this.lock.runExclusive(pullRequestKey(pullRequest), task);
  }

  /** Reviews one pull request under its lock, and records the review in the log and the metrics. */
  review(context: EventContext, target: PullRequestTarget): Promise<ReviewResult> {
    return this.exclusive(target, () => this.measureReview(context, target));
  }

  private async measureReview(context: EventContext, target: PullRequestTarget): Promise<ReviewResult> {
    const log = context.log.child({ repository: `${target.owner}/${target.repo}`, pullRequest: target.number });
    const started = performance.now();
    let conclusion = 'error';
    let findings = 0;
    try {
      const result = await reviewPullRequest({ octokit: context.octokit, target, deliveryId: context.id, log }, this.dependencies);
      conclusion = result.conclusion;
      findings = result.reported.length;
      countFindings(this.metrics, result.reported);
      return result;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      this.metrics.reviews.inc({ conclusion });
      this.metrics.reviewDuration.observe(seconds);
      log.info({ headSha: target.headSha, conclusion, findings, durationMs: Math.round(seconds * 1000) }, 'Finished the promgate review');
    }
  }
}
