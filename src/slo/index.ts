// Public API of promgate's SLO layer: spec readers, validation, the rule
// generator, stale detection of generated files, and service templates.

export type * from './slo-spec.js';
export { DEFAULT_SLO_PERIOD, SLO_PERIODS, sliQueries, sloId } from './slo-spec.js';
export { detectSloSpecFormat, readSloSpecFile, readSloSpecs, type ReadSpecOptions, type SloSpecFile } from './read-slo-spec.js';
export { generateSloRules } from './generate-slo-rules.js';
export { generatedRulesPath, generateSpecFile, type GenerateSpecFileInput, type GenerateSpecFileResult } from './generate-spec-file.js';
export {
  DEFAULT_SLO_GENERATION,
  fromPolicyOptions,
  resolveGenerationDefaults,
  sloGenerationPolicySchema,
  type SloGenerationDefaults,
  type SloGenerationOptions,
  type SloGenerationPolicy,
} from './generation-options.js';
export { formatGeneratedHeader, parseGeneratedHeader, specSha256, type GeneratedHeader } from './generated-header.js';
export { checkGeneratedRules, type CheckGeneratedRulesInput, type GeneratedRulesStatus } from './check-generated-rules.js';
export { describeStaleRules, type StaleRulesReport } from './describe-stale-rules.js';
export { BURN_RATE_CONDITIONS, burnFactor, SLI_WINDOWS, type AlertTierName, type BurnRateCondition } from './burn-rate.js';
export { generateServiceRules, type ServiceRulesOptions } from './generate-service-rules.js';
export { DATABASE_EXPORTERS, SERVICE_TYPES, type DatabaseExporter, type ServiceType } from './service-template.js';
