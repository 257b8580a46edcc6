import { fingerprint } from '../../../src/github/review-fingerprint.js';
import type { Finding, Severity } from '../../../src/finding.js';

/**
 * Builds the request bodies the App should send from the findings `lint()`
 * returns, so the tests keep asserting exact bodies as checks are added.
 * Written apart from the App's own code on purpose: a change in either side
 * shows up as a difference.
 */

const LEVELS: Record<Severity, string> = { error: 'failure', warning: 'warning', info: 'notice' };

export function expectedAnnotation(finding: Finding): Record<string, unknown> {
  const annotation: Record<string, unknown> = {
    path: finding.file,
    start_line: finding.line,
    end_line: finding.endLine,
    annotation_level: LEVELS[finding.severity],
    title: finding.check,
    message: finding.fix === undefined ? finding.message : `${finding.message}\n\nFix: ${finding.fix}`,
  };
  if (finding.line === finding.endLine) {
    annotation.start_column = finding.column;
    annotation.end_column = Math.max(finding.column!, finding.endColumn! - 1);
  }
  return annotation;
}

export function expectedTitle(findings: readonly Finding[]): string {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const parts = [];
  if (count('error') > 0) parts.push(`${count('error')} error${count('error') === 1 ? '' : 's'}`);
  if (count('warning') > 0) parts.push(`${count('warning')} warning${count('warning') === 1 ? '' : 's'}`);
  if (count('info') > 0) parts.push(`${count('info')} info`);
  return parts.length === 0 ? 'No problems found' : parts.join(', ');
}

/**
 * Builds the summary of a linted pull request: the intro paragraphs, the
 * counts, every reported finding by file, then the pre-existing ones.
 */
export function expectedSummary(findings: readonly Finding[], intro: readonly string[], preExisting: readonly Finding[] = []): string {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const parts = [...intro, `| Severity | Findings |\n| --- | ---: |\n| error | ${count('error')} |\n| warning | ${count('warning')} |\n| info | ${count('info')} |`];
  parts.push(...listItems(findings));
  if (preExisting.length > 0) {
    parts.push(
      '## Pre-existing findings',
      'These findings are on rules, groups, scrape jobs and lines this pull request does not change, so they do not affect the conclusion. Set `report: all` in the policy to report them too.',
      ...listItems(preExisting),
    );
  }
  return parts.join('\n\n');
}

function listItems(findings: readonly Finding[]): string[] {
  const parts: string[] = [];
  let file: string | undefined;
  for (const finding of findings) {
    if (finding.file !== file || parts.length === 0) parts.push(finding.file === undefined ? '### Pull request' : `### \`${finding.file}\``);
    file = finding.file;
    const fix = finding.fix === undefined ? '' : `\n\n  Fix: ${finding.fix}`;
    const where = finding.line === undefined ? '' : ` on line ${finding.line}`;
    parts.push(`- **${finding.severity}** [\`${finding.check}\`](${finding.docs})${where}: ${finding.message}${fix}`);
  }
  return parts;
}

/** Returns the line of a comment in an added file: the last line of the finding's rule, else its own line. */
export function lastLineOfRule(finding: Finding): number {
  return finding.subject !== undefined && ['rule', 'group', 'job'].includes(finding.subject.kind) ? finding.subject.endLine : finding.line!;
}

/** Builds a review comment on `line`, marked with the fingerprint of the finding's first occurrence. */
export function expectedComment(finding: Finding, line = lastLineOfRule(finding), occurrence = 0): Record<string, unknown> {
  const fix = finding.fix === undefined ? '' : `\n\n**Fix:** ${finding.fix}`;
  return {
    path: finding.file,
    line,
    side: 'RIGHT',
    body: `**${finding.severity}** [\`${finding.check}\`](${finding.docs}): ${finding.message}${fix}\n\n<!-- promgate:fingerprint=${fingerprint(finding, occurrence)} -->`,
  };
}
