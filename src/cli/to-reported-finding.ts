import { relative, resolve } from 'node:path';
import { toPosixPath } from './collect-files.js';
import type { Finding } from '../finding.js';

/**
 * Rewrites a finding's path from repository-relative to the form printed, and
 * drops the internal `subject` and `related` fields, whose paths stay
 * repository-relative.
 */
export function toReportedFinding(finding: Finding, root: string, cwd: string): Finding {
  return reportedFindingMapper(root, cwd)(finding);
}

/**
 * Returns a function that rewrites findings as `toReportedFinding` does,
 * converting each distinct path once, because one large file can have tens
 * of thousands of findings and `path.relative` is slow.
 */
export function reportedFindingMapper(root: string, cwd: string): (finding: Finding) => Finding {
  const displayed = new Map<string, string>();
  return (finding) => {
    const { subject: _subject, related: _related, ...reported } = finding;
    if (reported.file !== undefined) {
      let path = displayed.get(reported.file);
      if (path === undefined) {
        path = displayPath(resolve(root, reported.file), cwd);
        displayed.set(reported.file, path);
      }
      reported.file = path;
    }
    return reported;
  };
}

/** Returns `path` relative to the current directory with `/` separators, as every output format prints it. */
export function displayPath(path: string, cwd: string): string {
  return toPosixPath(relative(cwd, path)) || '.';
}
