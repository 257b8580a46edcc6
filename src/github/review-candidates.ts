import { fingerprintFindings } from './review-fingerprint.js';
import type { DiffReport } from '../diff/diff-report.js';
import type { Finding } from '../finding.js';
import type { ReviewCandidate } from './review-plan.js';

export interface ReviewInput {
  /** Reported findings with their fingerprints and comment positions. */
  candidates: ReviewCandidate[];
  /** Fingerprints of every finding, reported or pre-existing, to tell findings that went away. */
  fingerprints: Set<string>;
}

/** Fingerprints every finding of a lint, and pairs the reported ones with theirs for the review. */
export function reviewCandidates(report: DiffReport, findings: readonly Finding[]): ReviewInput {
  const fingerprints = fingerprintFindings(findings);
  const candidates = report.reported.map((entry) => ({ ...entry, fingerprint: fingerprints.get(entry.finding) ?? '' }));
  return { candidates, fingerprints: new Set(fingerprints.values()) };
}
