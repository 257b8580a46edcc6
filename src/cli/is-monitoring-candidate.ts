import { matchesPolicyGlobs } from '../policy/policy-globs.js';
import { MONITORING_EXTENSIONS } from './collect-files.js';
import type { Policy } from '../policy/types.js';

/**
 * Tells whether `promgate ci` lints a file: it has a monitoring extension and
 * the policy's globs select it, as the GitHub App selects files. `path` is relative to the
 * repository root with `/` separators. Unlike `promgate lint`, hidden folders
 * are not skipped, because the globs decide.
 */
export function isMonitoringCandidate(path: string, policy: Policy): boolean {
  return MONITORING_EXTENSIONS.some((extension) => path.endsWith(extension)) && matchesPolicyGlobs(policy, path);
}
