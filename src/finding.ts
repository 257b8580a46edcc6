export const SEVERITIES = ['info', 'warning', 'error'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Orders severities so that `severityRank(a) >= severityRank(b)` means `a` is at least as severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The rule, group, job, document or file a finding is about, so front ends can tell whether a change touched it. */
export interface FindingSubject {
  kind: 'rule' | 'group' | 'job' | 'document' | 'file';
  name: string;
  startLine: number;
  endLine: number;
}

/**
 * Another place a finding depends on, such as the scrape job whose interval a
 * rule's range is compared with. A pull request review counts the finding as
 * changed when this range changed, and comments on it there.
 */
export interface RelatedLocation {
  file: string;
  startLine: number;
  endLine: number;
}

/**
 * One problem found by a check. Lines and columns are 1-based; columns count
 * UTF-16 code units, and `endColumn` is the column just past the last
 * character. A finding about the pull request as a whole has no file.
 */
export interface Finding {
  check: string;
  severity: Severity;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  fix?: string;
  docs?: string;
  subject?: FindingSubject;
  related?: readonly RelatedLocation[];
}

/** Sorts findings by file, position and check id, with pull-request findings first. */
export function compareFindings(left: Finding, right: Finding): number {
  return (
    (left.file ?? '').localeCompare(right.file ?? '') ||
    (left.line ?? 0) - (right.line ?? 0) ||
    (left.column ?? 0) - (right.column ?? 0) ||
    left.check.localeCompare(right.check) ||
    left.message.localeCompare(right.message)
  );
}

export const DOCS_BASE_URL = 'https://github.com/promgate/promgate/blob/main/docs/checks';

export function docsUrl(checkId: string): string {
  return `${DOCS_BASE_URL}/${checkId}.md`;
}
