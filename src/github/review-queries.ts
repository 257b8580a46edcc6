/**
 * The GraphQL documents the App sends. Tests validate each against GitHub's
 * schema from `@octokit/graphql-schema`.
 */

/** Review threads with their comments. `viewerDidAuthor` is true on the comments the App itself wrote. */
export const REVIEW_THREADS_QUERY = `query PromgateReviewThreads($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          isResolved
          viewerCanResolve
          comments(first: 100) {
            nodes {
              id
              body
              isMinimized
              viewerDidAuthor
            }
          }
        }
      }
    }
  }
}`;

/** Review bodies, which carry the fingerprints of findings listed there instead of commented inline. */
export const REVIEWS_QUERY = `query PromgateReviews($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviews(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          body
          viewerDidAuthor
        }
      }
    }
  }
}`;

export const RESOLVE_THREAD_MUTATION = `mutation PromgateResolveThread($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) {
    thread {
      id
      isResolved
    }
  }
}`;

export const MINIMIZE_COMMENT_MUTATION = `mutation PromgateMinimizeComment($commentId: ID!) {
  minimizeComment(input: { subjectId: $commentId, classifier: OUTDATED }) {
    minimizedComment {
      isMinimized
    }
  }
}`;

export const GRAPHQL_DOCUMENTS = [REVIEW_THREADS_QUERY, REVIEWS_QUERY, RESOLVE_THREAD_MUTATION, MINIMIZE_COMMENT_MUTATION] as const;
