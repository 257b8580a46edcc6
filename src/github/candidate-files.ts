import { matchesPolicyGlobs } from '../policy/policy-globs.js';
import type { Policy } from '../policy/types.js';

/** A file a pull request changes, as `pulls.listFiles` describes it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The blob SHA of the file at the head commit; GitHub sends null for some entries, such as submodules. */
  blobSha: string | null;
  /** The unified diff of the file; GitHub omits it for binary files and for diffs too large to show. */
  patch: string | undefined;
  /** The path before a rename. */
  previousPath: string | undefined;
  /** Lines added and removed; both are 0 for a file renamed without changes. */
  additions: number;
  deletions: number;
}

/** File name endings that can hold Prometheus rules or configuration. */
export const MONITORING_EXTENSIONS = ['.yml', '.yaml', '.rules'] as const;

/**
 * Returns whether promgate lints a path: it has a monitoring extension, one
 * of the policy's `include` globs matches it and none of its `exclude` globs
 * does, with the same glob rules as the command line.
 */
export function isMonitoringPath(path: string, policy: Policy): boolean {
  return MONITORING_EXTENSIONS.some((extension) => path.endsWith(extension)) && matchesPolicyGlobs(policy, path);
}

/** Keeps the changed files promgate lints: present at the head commit, with a path `isMonitoringPath` accepts. */
export function selectCandidateFiles(files: readonly ChangedFile[], policy: Policy): ChangedFile[] {
  return files.filter((file) => file.status !== 'removed' && isMonitoringPath(file.path, policy));
}
