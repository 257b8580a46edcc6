import { SEVERITIES } from '../finding.js';
import { renderFindingListItem } from './markdown-finding.js';
import { inlineCode } from './markdown-text.js';
import type { Finding, Severity } from '../finding.js';

export interface MarkdownSummaryOptions {
  /** Markdown paragraphs placed before the counts, such as which files and policy were used. */
  intro?: readonly string[];
  /** The maximum length of the result in UTF-16 code units; findings past it are cut. */
  maxLength?: number;
  /**
   * Findings listed after the others under a heading of their own, such as
   * findings on lines a change did not touch. They get the room the first
   * list leaves, and the table counts only the first list.
   */
  apart?: { heading: string; intro: string; findings: readonly Finding[] };
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
 * first, then the `apart` list. When the text would pass `maxLength`, the
 * remaining findings of a list are replaced by one "and N more" line.
 */
export function renderMarkdownSummary(findings: readonly Finding[], options: MarkdownSummaryOptions = {}): string {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  const head = [...(options.intro ?? []), severityTable(countBySeverity(findings))].join('\n\n');
  const apart = options.apart !== undefined && options.apart.findings.length > 0 ? options.apart : undefined;
  if (apart === undefined) return fit(appendFindings(head, findings, maxLength, maxLength), maxLength);

  // The apart list keeps room for its heading and its "and N more" line at least.
  const apartHead = `\n\n## ${apart.heading}\n\n${apart.intro}`;
  const reserve = apartHead.length + moreLine(apart.findings.length, maxLength).length;
  const text = appendFindings(head, findings, maxLength - reserve, maxLength) + apartHead;
  return fit(appendFindings(text, apart.findings, maxLength, maxLength), maxLength);
}

/**
 * Appends findings grouped by file while the text stays within `maxLength`,
 * then an "and N more" line for the rest, which names `summaryLimit`.
 */
function appendFindings(start: string, findings: readonly Finding[], maxLength: number, summaryLimit: number): string {
  if (findings.length === 0) return start;

  // Room kept for the longest "and N more" line, so a cut list still ends with it.
  const budget = maxLength - moreLine(findings.length, summaryLimit).length;
  let text = start;
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

  if (listed < findings.length) text += moreLine(findings.length - listed, summaryLimit);
  return text;
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
