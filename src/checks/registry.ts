import alertsAnnotations from './alerts/annotations.js';
import alertsComparison from './alerts/comparison.js';
import alertsFor from './alerts/for.js';
import alertsLabels from './alerts/labels.js';
import alertsPagingSymptom from './alerts/paging-symptom.js';
import alertsTemplate from './alerts/template.js';
import configPlaintextSecret from './config/plaintext-secret.js';
import dodChecklist from './dod/checklist.js';
import dodMonitoring from './dod/monitoring.js';
import labelsCardinality from './labels/cardinality.js';
import labelsEnvDropped from './labels/env-dropped.js';
import labelsEnv from './labels/env.js';
import labelsFreeText from './labels/free-text.js';
import namingBaseUnits from './naming/base-units.js';
import namingCounterSuffix from './naming/counter-suffix.js';
import namingRecordingRule from './naming/recording-rule.js';
import promgateComment from './promgate/comment.js';
import promqlCounterRaw from './promql/counter-raw.js';
import promqlHistogramQuantile from './promql/histogram-quantile.js';
import promqlRateOfSum from './promql/rate-of-sum.js';
import promqlRateRange from './promql/rate-range.js';
import promqlRegexp from './promql/regexp.js';
import promqlSyntax from './promql/syntax.js';
import rulesDuplicate from './rules/duplicate.js';
import rulesGroup from './rules/group.js';
import scrapeConfig from './scrape/config.js';
import scrapeFederation from './scrape/federation.js';
import scrapeIntervals from './scrape/intervals.js';
import scrapeKubernetes from './scrape/kubernetes.js';
import scrapePushgateway from './scrape/pushgateway.js';
import sloCoverage from './slo/coverage.js';
import sloGeneratedStale from './slo/generated-stale.js';
import sloSpec from './slo/spec.js';
import yamlEmpty from './yaml/empty.js';
import yamlSchema from './yaml/schema.js';
import yamlSyntax from './yaml/syntax.js';
import type { AnyCheck } from './check.js';

/** Every check, sorted by id. A test keeps each id equal to its module's path and docs page. */
export const CHECKS: readonly AnyCheck[] = [
  alertsAnnotations,
  alertsComparison,
  alertsFor,
  alertsLabels,
  alertsPagingSymptom,
  alertsTemplate,
  configPlaintextSecret,
  dodChecklist,
  dodMonitoring,
  labelsCardinality,
  labelsEnvDropped,
  labelsEnv,
  labelsFreeText,
  namingBaseUnits,
  namingCounterSuffix,
  namingRecordingRule,
  promgateComment,
  promqlCounterRaw,
  promqlHistogramQuantile,
  promqlRateOfSum,
  promqlRateRange,
  promqlRegexp,
  promqlSyntax,
  rulesDuplicate,
  rulesGroup,
  scrapeConfig,
  scrapeFederation,
  scrapeIntervals,
  scrapeKubernetes,
  scrapePushgateway,
  sloCoverage,
  sloGeneratedStale,
  sloSpec,
  yamlEmpty,
  yamlSchema,
  yamlSyntax,
].sort((left, right) => left.id.localeCompare(right.id));

export function findCheck(id: string): AnyCheck | undefined {
  return CHECKS.find((check) => check.id === id);
}
