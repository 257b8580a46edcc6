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
 * one-line summary at the end.
 */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (style: keyof typeof STYLES, text: string): string => (options.color ? `${STYLES[style]}${text}${RESET}` : text);

  const lines: string[] = [];
  for (const finding of report.findings) {
    const location = formatLocation(finding);
    const head = [location === undefined ? undefined : paint('bold', location), paint(finding.severity, finding.severity), paint('dim', finding.check), finding.message];
    lines.push(head.filter((part) => part !== undefined).join(' '));
    if (finding.fix !== undefined) {
      for (const line of finding.fix.split('\n')) lines.push(`    ${line}`);
    }
  }

  if (lines.length > 0) lines.push('');
  lines.push(paint('bold', formatSummary(report)));
  return `${lines.join('\n')}\n`;
}

/** Writes the summary line, such as `3 errors, 2 warnings in 4 files (120 rules)`. */
export function formatSummary(report: Report): string {
  const counts = countBySeverity(report.findings);
  const parts = (['error', 'warning', 'info'] as const satisfies readonly Severity[])
    .filter((severity) => counts[severity] > 0)
    .map((severity) => (severity === 'info' ? `${counts.info} info` : plural(counts[severity], severity)));
  const scope = `in ${plural(report.summary.files, 'file')} (${plural(report.summary.rules, 'rule')})`;
  return parts.length === 0 ? `No findings ${scope}` : `${parts.join(', ')} ${scope}`;
}

function formatLocation(finding: Finding): string | undefined {
  if (finding.file === undefined) return undefined;
  if (finding.line === undefined) return finding.file;
  return `${finding.file}:${finding.line}:${finding.column ?? 1}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
