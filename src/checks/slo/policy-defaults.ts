import { DEFAULT_SLO_GENERATION, fromPolicyOptions } from '../../slo/generation-options.js';
import type { Policy } from '../../policy/types.js';
import type { SloGenerationDefaults } from '../../slo/generation-options.js';

/** Returns the SLO generation settings of a policy, or promgate's own when the policy has no `slo` section. */
export function sloDefaults(policy: Readonly<Policy>): SloGenerationDefaults {
  return policy.slo === undefined ? { ...DEFAULT_SLO_GENERATION } : fromPolicyOptions(policy.slo);
}
