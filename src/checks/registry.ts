import alertsAnnotations from './alerts/annotations.js';
import alertsLabels from './alerts/labels.js';
import labelsEnv from './labels/env.js';
import namingRecordingRule from './naming/recording-rule.js';
import yamlEmpty from './yaml/empty.js';
import yamlSchema from './yaml/schema.js';
import yamlSyntax from './yaml/syntax.js';
import type { AnyCheck } from './check.js';

/** Every check, sorted by id. A test keeps each id equal to its module's path and docs page. */
export const CHECKS: readonly AnyCheck[] = [alertsAnnotations, alertsLabels, labelsEnv, namingRecordingRule, yamlEmpty, yamlSchema, yamlSyntax].sort((left, right) => left.id.localeCompare(right.id));

export function findCheck(id: string): AnyCheck | undefined {
  return CHECKS.find((check) => check.id === id);
}
