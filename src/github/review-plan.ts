import { renderFindingListItem, renderFindingMarkdown } from '../report/markdown-finding.js';
import { countBySeverity, describeCounts } from '../report/markdown-summary.js';
import { CHECK_RUN_NAME } from './check-run-updates.js';
import { fingerprintMarker } from './review-fingerprint.js';
import type { CommentPosition } from '../diff/diff-report.js';
import type { Finding } from '../finding.js';

/**
 * The maximum number of inline comments in one review, so a new file with
 * hundreds of findings does not bury the conversation. The review body lists
 * the rest. The number is promgate's choice, not a GitHub limit.
 */
export const MAX_REVIEW_COMMENTS = 50;

/** Room for the review body, below the 65,536 characters GitHub accepts in a comment body. */
const MAX_BODY_LENGTH = 60_000;

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

/** The body of `POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`, without `commit_id`. */
export interface ReviewPlan {
  event: 'COMMENT';
  body: string;
  comments: ReviewComment[];
}

/** A reported finding with its fingerprint and, when a changed line can carry it, its comment position. */
export interface ReviewCandidate {
  finding: Finding;
  fingerprint: string;
  comment?: CommentPosition;
}

export interface ReviewPlanOptions {
  /**
   * False lists every finding in the body instead of commenting inline, for
   * the retry after GitHub rejects an inline comment without saying which.
   */
  inlineComments: boolean;
}

/**
 * Builds the review for the reported findings promgate has not posted yet,
 * or returns undefined when there is nothing new, because GitHub would
 * otherwise show an empty review on every push. Findings about the pull
 * request as a whole, and findings past `MAX_REVIEW_COMMENTS`, go in the
 * body with hidden fingerprints, so a later push does not list them again.
 * Findings with a file but no commentable line stay in the check run only.
 */
export function planReview(candidates: readonly ReviewCandidate[], posted: ReadonlySet<string>, options: ReviewPlanOptions = { inlineComments: true }): ReviewPlan | undefined {
  const fresh = candidates.filter((candidate) => !posted.has(candidate.fingerprint));
  const wholePullRequest = fresh.filter((candidate) => candidate.finding.file === undefined);
  const placed = fresh.filter((candidate) => candidate.comment !== undefined);
  if (wholePullRequest.length === 0 && placed.length === 0) return undefined;

  const inline = options.inlineComments ? placed.slice(0, MAX_REVIEW_COMMENTS) : [];
  const listed = placed.slice(inline.length);
  const comments = inline.map((candidate) => ({
    path: candidate.comment!.path,
    line: candidate.comment!.line,
    side: 'RIGHT' as const,
    body: `${renderFindingMarkdown(candidate.finding)}\n\n${fingerprintMarker(candidate.fingerprint)}`,
  }));
  return { event: 'COMMENT', body: reviewBody(inline, wholePullRequest, listed, options), comments };
}

function reviewBody(inline: readonly ReviewCandidate[], wholePullRequest: readonly ReviewCandidate[], listed: readonly ReviewCandidate[], options: ReviewPlanOptions): string {
  const all = [...inline, ...wholePullRequest, ...listed];
  const noun = all.length === 1 ? 'problem' : 'problems';
  const parts = [`promgate found ${all.length} new ${noun} in the changes of this pull request: ${describeCounts(countBySeverity(all.map((entry) => entry.finding)))}.`];
  const markers: string[] = [];
  let room = MAX_BODY_LENGTH - parts[0]!.length - 200;

  const section = (heading: string, entries: readonly ReviewCandidate[]): void => {
    if (entries.length === 0) return;
    const items: string[] = [];
    for (const [index, entry] of entries.entries()) {
      const item = renderFindingListItem(entry.finding, { withFile: true });
      const marker = fingerprintMarker(entry.fingerprint);
      if (item.length + marker.length + heading.length + 4 > room) {
        items.push(`…and ${entries.length - index} more, listed in the \`${CHECK_RUN_NAME}\` check run.`);
        break;
      }
      items.push(item);
      markers.push(marker);
      room -= item.length + marker.length + 2;
    }
    parts.push(heading, items.join('\n'));
  };

  section('**About the pull request as a whole:**', wholePullRequest);
  if (options.inlineComments) {
    section(`**On changed lines, without an inline comment because a review carries at most ${MAX_REVIEW_COMMENTS}:**`, listed);
  } else {
    section('**On changed lines:** GitHub rejected the inline comments of this review, so promgate lists them here.', listed);
  }
  parts.push(`The \`${CHECK_RUN_NAME}\` check run lists every finding of this pull request.`);
  if (markers.length > 0) parts.push(markers.join('\n'));
  return parts.join('\n\n');
}
