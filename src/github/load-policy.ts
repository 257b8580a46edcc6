import { CHECKS } from '../checks/registry.js';
import { buildPolicy } from '../policy/build-policy.js';
import type { Policy } from '../policy/types.js';

/** The path of a repository's promgate policy, relative to its root. */
export const POLICY_PATH = '.github/promgate.yml';

/**
 * Builds the policy for a pull request from the policy file's text, or from
 * the defaults when the base branch has no policy file (`undefined`). Throws
 * a `UserError` (a `PolicyError`) naming each invalid key and its fix, and
 * any other error for a fault in promgate itself.
 */
export type PolicyLoader = (policyText: string | undefined, path: string) => Policy;

/** Builds the policy from `rules/default.yml`, the presets it extends and the repository's file. */
export const loadPolicy: PolicyLoader = (policyText, path) =>
  buildPolicy({ checks: CHECKS, ...(policyText === undefined ? {} : { policy: { path, text: policyText } }) });
