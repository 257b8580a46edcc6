import { countBySeverity } from './report.js';
import type { Finding, Severity } from '../finding.js';
import type { Report } from './report.js';

export interface TextOptions {
  /** Whether to add ANSI colours, for a terminal. */
  color: boolean;
}

const RESET = '\u001b[0m';
const STYLES = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  error: '\u001b[1;31m',
  warning: '\u001b[1;33m',
  info: '\u001b[1;36m',
} as const;

/**
 * Formats findings the way compilers print diagnostics: `file:line:column
 * severity check-id message`, the fix indented on the next line, and a
 * one-line summary at the end. Pre-existing findings, when the report has
 * any, follow the others under a heading of their own.
 */
export function formatText(report: Report, options: TextOptions): string {
  const paint = painter(options);
  const lines: string[] = [];
  for (const finding of report.findings) lines.push(...formatTextFinding(finding, options));

  const preExisting = report.preExisting ?? [];
  if (preExisting.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint('bold', `Pre-existing findings (${preExisting.length}), on rules and lines this change did not touch:`));
    for (const finding of preExisting) lines.push(...formatTextFinding(finding, options));
  }

  if (lines.length > 0) lines.push('');
  lines.push(paint('bold', formatSummary(report)));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the summary line, such as `3 errors, 2 warnings in 4 files (120 rules)`.
 * A report with pre-existing findings adds `, not counting 5 pre-existing findings`.
 */
export function formatSummary(report: Report): string {
  const counts = countBySeverity(report.findings);
  const parts = (['error', 'warning', 'info'] as const satisfies readonly Severity[])
    .filter((severity) => counts[severity] > 0)
    .map((severity) => (severity === 'info' ? `${counts.info} info` : plural(counts[severity], severity)));
  const scope = `in ${plural(report.summary.files, 'file')} (${plural(report.summary.rules, 'rule')})`;
  const summary = parts.length === 0 ? `No findings ${scope}` : `${parts.join(', ')} ${scope}`;

  const preExisting = report.preExisting?.length ?? 0;
  return preExisting === 0 ? summary : `${summary}, not counting ${plural(preExisting, 'pre-existing finding')}`;
}

/** Formats one finding as its `file:line:column severity check-id message` line and its indented fix lines. */
export function formatTextFinding(finding: Finding, options: TextOptions): string[] {
  const paint = painter(options);
  const location = formatLocation(finding);
  const head = [location === undefined ? undefined : paint('bold', location), paint(finding.severity, finding.severity), paint('dim', finding.check), finding.message];
  const lines = [head.filter((part) => part !== undefined).join(' ')];
  if (finding.fix !== undefined) {
    for (const line of finding.fix.split('\n')) lines.push(`    ${line}`);
  }
  return lines;
}

function painter(options: TextOptions): (style: keyof typeof STYLES, text: string) => string {
  return (style, text) => (options.color ? `${STYLES[style]}${text}${RESET}` : text);
}

function formatLocation(finding: Finding): string | undefined {
  if (finding.file === undefined) return undefined;
  if (finding.line === undefined) return finding.file;
  return `${finding.file}:${finding.line}:${finding.column ?? 1}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
