import { relative, resolve } from 'node:path';
import { toPosixPath } from './collect-files.js';
import type { Finding } from '../finding.js';

/**
 * Rewrites a finding's path from repository-relative to the form printed, and
 * drops the internal `subject` and `related` fields, whose paths stay
 * repository-relative.
 */
export function toReportedFinding(finding: Finding, root: string, cwd: string): Finding {
  const { subject: _subject, related: _related, ...reported } = finding;
  if (reported.file !== undefined) reported.file = displayPath(resolve(root, reported.file), cwd);
  return reported;
}

/** Returns `path` relative to the current directory with `/` separators, as every output format prints it. */
export function displayPath(path: string, cwd: string): string {
  return toPosixPath(relative(cwd, path)) || '.';
}
