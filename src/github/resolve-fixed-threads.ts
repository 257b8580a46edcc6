import { MINIMIZE_COMMENT_MUTATION, RESOLVE_THREAD_MUTATION } from './review-queries.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { PromgateThread } from './review-state.js';

export interface ThreadCleanup {
  resolved: number;
  minimized: number;
  failed: number;
}

/**
 * Closes promgate's comments on findings that no longer exist. A thread with
 * only promgate's comment is resolved. When someone replied, or resolving
 * fails, only promgate's own comment is minimised as outdated, so nobody
 * else's comment is touched. A failure is logged and does not stop the others.
 */
export async function closeFixedThreads(
  octokit: ProbotOctokit,
  threads: readonly PromgateThread[],
  currentFingerprints: ReadonlySet<string>,
  log: Logger,
): Promise<ThreadCleanup> {
  const cleanup: ThreadCleanup = { resolved: 0, minimized: 0, failed: 0 };
  const fixed = threads.filter(
    (thread) => !thread.isResolved && !thread.isMinimized && thread.fingerprints.every((fingerprint) => !currentFingerprints.has(fingerprint)),
  );

  for (const thread of fixed) {
    if (!thread.hasReplies && thread.viewerCanResolve) {
      try {
        await octokit.graphql(RESOLVE_THREAD_MUTATION, { threadId: thread.id });
        cleanup.resolved += 1;
        continue;
      } catch (error) {
        log.warn({ err: error, threadId: thread.id }, 'Failed to resolve the review thread of a fixed finding; minimizing the comment instead');
      }
    }

    try {
      await octokit.graphql(MINIMIZE_COMMENT_MUTATION, { commentId: thread.commentId });
      cleanup.minimized += 1;
    } catch (error) {
      cleanup.failed += 1;
      log.warn({ err: error, commentId: thread.commentId }, 'Failed to minimize the comment of a fixed finding');
    }
  }
  return cleanup;
}
