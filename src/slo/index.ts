// Public API of promgate's SLO layer: spec readers, validation, the rule
// generator, stale detection of generated files, and service templates.

export type * from './slo-spec.js';
export { DEFAULT_SLO_PERIOD, SLO_PERIODS, sliQueries, sloId } from './slo-spec.js';
export { detectSloSpecFormat, readSloSpecFile, readSloSpecs, type ReadSpecOptions, type SloSpecFile } from './read-slo-spec.js';
export { BURN_RATE_CONDITIONS, burnFactor, SLI_WINDOWS, type AlertTierName, type BurnRateCondition } from './burn-rate.js';
