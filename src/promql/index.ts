// Public API of promgate's PromQL layer.

export type * from './ast.js';
export type { PromqlError, PromqlErrorKind, PromqlNote, PromqlNoteKind } from './diagnostics.js';
export { parsePromql, MAX_EXPRESSION_DEPTH, type ParseOptions, type ParseResult } from './parse.js';
export { FUNCTIONS, AGGREGATIONS, getFunction, expectedArgType, type FunctionInfo, type AggregationInfo } from './functions.js';
export { COMPAT_FEATURES, getCompatFeature, type CompatFeature, type CompatFeatureKind } from './compat.js';
export { parseDuration, formatDuration, MAX_DURATION_MS, type DurationParseResult } from './duration.js';
export { checkRe2, type Re2CheckResult } from './regex.js';
export { childrenOf, walk, selectorsOf, type Visitor } from './walk.js';
export { metricNameOf, metricNameRange, hasSelector } from './selectors.js';
export { matcherMatchesEmpty } from './check.js';
