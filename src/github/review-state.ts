import { readFingerprints } from './review-fingerprint.js';
import { REVIEW_THREADS_QUERY, REVIEWS_QUERY } from './review-queries.js';
import type { ProbotOctokit } from 'probot';
import type { PullRequestTarget } from './pull-request-target.js';

/** A review thread that promgate started with a finding comment. */
export interface PromgateThread {
  id: string;
  /** The node id of promgate's first comment, the one with the fingerprint. */
  commentId: string;
  fingerprints: string[];
  isResolved: boolean;
  isMinimized: boolean;
  /** Whether anyone else replied, in which case promgate leaves the thread open. */
  hasReplies: boolean;
  viewerCanResolve: boolean;
}

/** The comments and reviews promgate already posted on a pull request. */
export interface ReviewState {
  /** Fingerprints of findings promgate commented on or listed in a review body. */
  posted: Set<string>;
  threads: PromgateThread[];
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface ThreadsResponse {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: PageInfo;
        nodes: {
          id: string;
          isResolved: boolean;
          viewerCanResolve: boolean;
          comments: { nodes: { id: string; body: string; isMinimized: boolean; viewerDidAuthor: boolean }[] };
        }[];
      };
    } | null;
  } | null;
}

interface ReviewsResponse {
  repository: {
    pullRequest: {
      reviews: { pageInfo: PageInfo; nodes: { body: string; viewerDidAuthor: boolean }[] } | null;
    } | null;
  } | null;
}

/**
 * Reads promgate's earlier comments and reviews on the pull request. Only
 * content the App itself wrote counts (`viewerDidAuthor`), so a person who
 * quotes a fingerprint changes nothing.
 */
export async function readReviewState(octokit: ProbotOctokit, target: PullRequestTarget): Promise<ReviewState> {
  const variables = { owner: target.owner, repo: target.repo, number: target.number };
  const state: ReviewState = { posted: new Set(), threads: [] };

  let after: string | null = null;
  do {
    const response: ThreadsResponse = await octokit.graphql<ThreadsResponse>(REVIEW_THREADS_QUERY, { ...variables, after });
    const connection = response.repository?.pullRequest?.reviewThreads;
    for (const node of connection?.nodes ?? []) {
      const [first, ...replies] = node.comments.nodes;
      if (first === undefined || !first.viewerDidAuthor) continue;
      const fingerprints = [...readFingerprints([first.body])];
      if (fingerprints.length === 0) continue;
      for (const value of fingerprints) state.posted.add(value);
      state.threads.push({
        id: node.id,
        commentId: first.id,
        fingerprints,
        isResolved: node.isResolved,
        isMinimized: first.isMinimized,
        hasReplies: replies.some((reply) => !reply.viewerDidAuthor),
        viewerCanResolve: node.viewerCanResolve,
      });
    }
    after = connection?.pageInfo.hasNextPage === true ? connection.pageInfo.endCursor : null;
  } while (after !== null);

  after = null;
  do {
    const response: ReviewsResponse = await octokit.graphql<ReviewsResponse>(REVIEWS_QUERY, { ...variables, after });
    const connection = response.repository?.pullRequest?.reviews;
    const ownBodies = (connection?.nodes ?? []).filter((review) => review.viewerDidAuthor).map((review) => review.body);
    for (const value of readFingerprints(ownBodies)) state.posted.add(value);
    after = connection?.pageInfo.hasNextPage === true ? connection.pageInfo.endCursor : null;
  } while (after !== null);

  return state;
}
