import { SEVERITIES } from '../finding.js';
import { renderFindingListItem } from './markdown-finding.js';
import { inlineCode } from './markdown-text.js';
import type { Finding, Severity } from '../finding.js';

export interface MarkdownSummaryOptions {
  /** Markdown paragraphs placed before the counts, such as which files and policy were used. */
  intro?: readonly string[];
  /** The maximum length of the result in UTF-16 code units; findings past it are cut. */
  maxLength?: number;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Describes counts from the most severe down, skipping zeros: "3 errors, 1 warning". */
export function describeCounts(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(`${counts.error} ${counts.error === 1 ? 'error' : 'errors'}`);
  if (counts.warning > 0) parts.push(`${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}`);
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return parts.length === 0 ? 'No problems found' : parts.join(', ');
}

/**
 * Renders findings as markdown: the intro, a table of counts by severity, then
 * the findings grouped by file in the order given, findings without a file
 * first. When the text would pass `maxLength`, the remaining findings are
 * replaced by one "and N more" line.
 */
export function renderMarkdownSummary(findings: readonly Finding[], options: MarkdownSummaryOptions = {}): string {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  const counts = countBySeverity(findings);
  const head = [...(options.intro ?? []), severityTable(counts)].join('\n\n');
  if (findings.length === 0) return fit(head, maxLength);

  // Room kept for the longest "and N more" line, so a cut summary still ends with it.
  const budget = maxLength - moreLine(findings.length, maxLength).length;
  let text = head;
  let group: string | undefined;
  let listed = 0;
  for (const finding of findings) {
    const heading = finding.file === undefined ? 'Pull request' : inlineCode(finding.file);
    const piece = (heading === group ? '\n\n' : `\n\n### ${heading}\n\n`) + renderFindingListItem(finding);
    const isLast = listed === findings.length - 1;
    if (text.length + piece.length > (isLast ? maxLength : budget)) break;
    text += piece;
    group = heading;
    listed += 1;
  }

  if (listed < findings.length) text += moreLine(findings.length - listed, maxLength);
  return fit(text, maxLength);
}

function severityTable(counts: Record<Severity, number>): string {
  const rows = [...SEVERITIES].reverse().map((severity) => `| ${severity} | ${counts[severity]} |`);
  return ['| Severity | Findings |', '| --- | ---: |', ...rows].join('\n');
}

function moreLine(remaining: number, maxLength: number): string {
  const noun = remaining === 1 ? 'finding' : 'findings';
  return `\n\n…and ${remaining} more ${noun}, left out to keep this summary under ${maxLength.toLocaleString('en-US')} characters. Run \`npx promgate lint\` on the files to see them all.`;
}

/** Cuts text that is still too long, which happens only when the intro alone passes the limit. */
function fit(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : text.slice(0, maxLength);
}
