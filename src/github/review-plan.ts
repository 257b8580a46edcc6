import { renderFindingMarkdown } from '../report/markdown-finding.js';
import { countBySeverity, describeCounts } from '../report/markdown-summary.js';
import { CHECK_RUN_NAME } from './check-run-updates.js';
import { fingerprint, fingerprintMarker } from './review-fingerprint.js';
import type { Finding } from '../finding.js';
import type { PlacedFinding } from './place-comments.js';

/**
 * The maximum number of inline comments in one review, so a new file with
 * hundreds of findings does not bury the conversation. The check run lists
 * them all. The number is promgate's choice, not a GitHub limit.
 */
export const MAX_REVIEW_COMMENTS = 50;

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

/** A placed finding with the fingerprint that marks its comment. */
export interface FingerprintedFinding extends PlacedFinding {
  fingerprint: string;
}

/**
 * Fingerprints placed findings. Occurrences are counted over all findings of
 * the pull request, so a twin finding moving in or out of the diff does not
 * change the fingerprint of the other.
 */
export function fingerprintPlaced(placed: readonly PlacedFinding[], findings: readonly Finding[]): FingerprintedFinding[] {
  const fingerprints = new Map<Finding, string>();
  const occurrences = new Map<string, number>();
  for (const finding of findings) {
    const key = [finding.file ?? '', finding.check, finding.message].join('\u0000');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    fingerprints.set(finding, fingerprint(finding, occurrence));
  }
  return placed.map((entry) => ({ ...entry, fingerprint: fingerprints.get(entry.finding) ?? fingerprint(entry.finding, 0) }));
}

/**
 * Builds the review for the placed findings that have no comment yet, or
 * returns undefined when there is nothing new to post, because GitHub would
 * otherwise show an empty review on every push.
 */
export function planReview(placed: readonly FingerprintedFinding[], posted: ReadonlySet<string>, totalFindings: number): ReviewPlan | undefined {
  const fresh = placed.filter((entry) => !posted.has(entry.fingerprint));
  if (fresh.length === 0) return undefined;

  const commented = fresh.slice(0, MAX_REVIEW_COMMENTS);
  const comments = commented.map((entry) => ({
    path: entry.path,
    line: entry.line,
    side: 'RIGHT' as const,
    body: `${renderFindingMarkdown(entry.finding)}\n\n${fingerprintMarker(entry.fingerprint)}`,
  }));

  const counts = describeCounts(countBySeverity(commented.map((entry) => entry.finding)));
  const noun = commented.length === 1 ? 'finding' : 'findings';
  const body = [`promgate commented on ${commented.length} ${noun} in the changed lines: ${counts}.`];
  if (fresh.length > commented.length) {
    body.push(`${fresh.length - commented.length} more in the changed lines have no comment, to keep this review readable.`);
  }
  const all = totalFindings === 1 ? 'the one finding' : `all ${totalFindings} findings`;
  body.push(`The \`${CHECK_RUN_NAME}\` check run lists ${all} of this pull request.`);
  return { event: 'COMMENT', body: body.join(' '), comments };
}
