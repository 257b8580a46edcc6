import type { Finding } from '../finding.js';
import type { Report } from './report.js';

/** Version of the JSON output's shape; it changes only when a field is removed or changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/**
 * Formats findings as `{"version":1,"findings":[...],"summary":{...}}`. A
 * finding about the pull request as a whole has no position keys, and the
 * internal `subject` field is left out. A report with pre-existing findings,
 * as `promgate ci` writes it, adds a `preExisting` list after `findings` and
 * its count to the summary.
 */
export function formatJson(report: Report): string {
  const summary: Record<string, number> = { files: report.summary.files, rules: report.summary.rules, findings: report.summary.findings };
  const output: Record<string, unknown> = { version: JSON_FORMAT_VERSION, findings: report.findings.map(toJsonFinding) };
  if (report.preExisting !== undefined) {
    output.preExisting = report.preExisting.map(toJsonFinding);
    summary.preExisting = report.preExisting.length;
  }
  output.summary = summary;
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** Copies the public fields of a finding in a fixed key order. */
function toJsonFinding(finding: Finding): Record<string, unknown> {
  const output: Record<string, unknown> = { check: finding.check, severity: finding.severity };
  if (finding.file !== undefined) {
    output.file = finding.file;
    output.line = finding.line;
    output.column = finding.column;
    output.endLine = finding.endLine;
    output.endColumn = finding.endColumn;
  }
  output.message = finding.message;
  if (finding.fix !== undefined) output.fix = finding.fix;
  if (finding.docs !== undefined) output.docs = finding.docs;
  return output;
}
