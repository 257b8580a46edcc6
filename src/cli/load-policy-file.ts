import { readFileSync } from 'node:fs';
import { CHECKS } from '../checks/registry.js';
import { UserError } from '../errors.js';
import { buildPolicy } from '../policy/build-policy.js';
import { describeIoError } from './collect-files.js';
import { displayPath } from './to-reported-finding.js';
import type { Severity } from '../finding.js';
import type { Policy } from '../policy/types.js';

/**
 * Builds the policy from the defaults, `policyFile` when there is one, and
 * the `--fail-on` override. `explicit` marks a file named with `--policy`,
 * whose absence is the user's mistake rather than a missing repository policy.
 */
export function loadPolicyFile(policyFile: string | undefined, explicit: boolean, failOn: Severity | undefined, cwd: string, shown?: string): Policy {
  const overrides = failOn === undefined ? {} : { failOn };
  if (policyFile === undefined) return buildPolicy({ checks: CHECKS, overrides });

  // A path given with --policy is shown as the user wrote it.
  const displayed = shown ?? displayPath(policyFile, cwd);
  let text: string;
  try {
    text = readFileSync(policyFile, 'utf8');
  } catch (error) {
    const missing = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
    if (missing && explicit) throw new UserError(`policy file not found: ${displayed}; check the path given to --policy.`, { cause: error });
    throw new UserError(`failed to read the policy ${displayed}: ${describeIoError(error)}.`, { cause: error });
  }
  return buildPolicy({ checks: CHECKS, policy: { path: displayed, text }, overrides });
}
