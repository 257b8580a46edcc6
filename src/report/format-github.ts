import { randomUUID } from 'node:crypto';
import { formatSummary, formatTextFinding } from './format-text.js';
import type { Finding, Severity } from '../finding.js';
import type { Report } from './report.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export interface GithubOptions {
  /**
   * The token of the `::stop-commands::` block around pre-existing findings.
   * It is a random UUID by default, so that text from the linted files cannot
   * end the block and slip in a workflow command.
   */
  stopCommandsToken?: string;
}

/**
 * Formats findings as GitHub Actions workflow commands, which the runner
 * turns into annotations on the pull request:
 * `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=check-id::message`.
 * Pre-existing findings get no annotation, so a pull request shows only what
 * it changed. They are printed as text in a folded log group instead. The
 * summary follows as a plain log line.
 */
export function formatGithub(report: Report, options: GithubOptions = {}): string {
  const lines = report.findings.map(formatCommand);

  const preExisting = report.preExisting ?? [];
  if (preExisting.length > 0) {
    const token = options.stopCommandsToken ?? randomUUID();
    lines.push(`::group::${escapeData(`Pre-existing findings (${preExisting.length}), on rules and lines this change did not touch`)}`);
    lines.push(`::stop-commands::${token}`);
    for (const finding of preExisting) lines.push(...formatTextFinding(finding, { color: false }));
    lines.push(`::${token}::`, '::endgroup::');
  }

  lines.push(formatSummary(report));
  return `${lines.join('\n')}\n`;
}

function formatCommand(finding: Finding): string {
  const properties: [string, string | number | undefined][] = [];
  if (finding.file !== undefined) {
    properties.push(['file', finding.file], ['line', finding.line]);
    // @actions/core's AnnotationProperties documents that columns cannot be sent when line and endLine differ.
    if (finding.line === finding.endLine) properties.push(['col', finding.column], ['endLine', finding.endLine], ['endColumn', finding.endColumn]);
    else properties.push(['endLine', finding.endLine]);
  }
  properties.push(['title', finding.check]);

  const written = properties.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
  const message = finding.fix === undefined ? finding.message : `${finding.message}\n${finding.fix}`;
  return `::${COMMANDS[finding.severity]} ${written.join(',')}::${escapeData(message)}`;
}

/** Escapes a command's message, where `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value, where `:` and `,` also separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
