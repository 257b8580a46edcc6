import type { Finding, Severity } from '../finding.js';
import type { LintSummary } from '../lint.js';

/**
 * The findings of one run, ready to print: file paths are relative to the
 * current directory with `/` separators, and the summary covers every file
 * linted.
 */
export interface Report {
  findings: readonly Finding[];
  /**
   * Findings on rules and lines that the change did not touch. `promgate ci`
   * lists them apart and does not count them toward the fail-on severity.
   * Undefined for `promgate lint`, whose output then keeps its shape.
   */
  preExisting?: readonly Finding[];
  summary: LintSummary;
}

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
