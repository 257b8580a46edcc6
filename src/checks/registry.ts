import alertsAnnotations from './alerts/annotations.js';
import alertsFor from './alerts/for.js';
import alertsLabels from './alerts/labels.js';
import configPlaintextSecret from './config/plaintext-secret.js';
import labelsCardinality from './labels/cardinality.js';
import labelsEnv from './labels/env.js';
import labelsEnvDropped from './labels/env-dropped.js';
import labelsFreeText from './labels/free-text.js';
import namingBaseUnits from './naming/base-units.js';
import namingCounterSuffix from './naming/counter-suffix.js';
import namingRecordingRule from './naming/recording-rule.js';
import promqlSyntax from './promql/syntax.js';
import rulesGroup from './rules/group.js';
import scrapeConfig from './scrape/config.js';
import scrapeFederation from './scrape/federation.js';
import scrapeIntervals from './scrape/intervals.js';
import scrapeKubernetes from './scrape/kubernetes.js';
import scrapePushgateway from './scrape/pushgateway.js';
import yamlEmpty from './yaml/empty.js';
import yamlSchema from './yaml/schema.js';
import yamlSyntax from './yaml/syntax.js';
import type { AnyCheck } from './check.js';

/** Every check, sorted by id. A test keeps each id equal to its module's path and docs page. */
export const CHECKS: readonly AnyCheck[] = [
  alertsAnnotations,
  alertsFor,
  alertsLabels,
  configPlaintextSecret,
  labelsCardinality,
  labelsEnv,
  labelsEnvDropped,
  labelsFreeText,
  namingBaseUnits,
  namingCounterSuffix,
  namingRecordingRule,
  promqlSyntax,
  rulesGroup,
  scrapeConfig,
  scrapeFederation,
  scrapeIntervals,
  scrapeKubernetes,
  scrapePushgateway,
  yamlEmpty,
  yamlSchema,
  yamlSyntax,
].sort((left, right) => left.id.localeCompare(right.id));

export function findCheck(id: string): AnyCheck | undefined {
  return CHECKS.find((check) => check.id === id);
}
