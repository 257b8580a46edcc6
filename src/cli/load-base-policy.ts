import { CHECKS } from '../checks/registry.js';
import { UserError } from '../errors.js';
import { buildPolicy } from '../policy/build-policy.js';
import { POLICY_GIT_PATH, readPolicyAt } from './read-policy-at.js';
import type { Severity } from '../finding.js';
import type { Policy } from '../policy/types.js';
import type { NamedCommit } from './find-merge-base.js';

/**
 * Builds the policy from `.github/promgate.yml` as it is at `base`, or from
 * the defaults when `base` has none, with the `--fail-on` override. Policy
 * errors name the file as `<base>:.github/promgate.yml`, so the user knows
 * which version to fix.
 */
export async function loadBasePolicy(root: string, base: NamedCommit, failOn: Severity | undefined): Promise<Policy> {
  const overrides = failOn === undefined ? {} : { failOn };
  const text = await readPolicyAt(root, base);
  if (text === undefined) return buildPolicy({ checks: CHECKS, overrides });

  try {
    return buildPolicy({ checks: CHECKS, policy: { path: `${base.name}:${POLICY_GIT_PATH}`, text }, overrides });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const advice = `promgate ci judges a change by the policy at \`${base.name}\`, so fix it there first, or pass --policy FILE.`;
    throw new UserError(`${error.message}\n${advice}`, { exitCode: error.exitCode, cause: error });
  }
}
