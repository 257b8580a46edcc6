import { parseTemplate } from './parse-template.js';
import type { TemplateParseResult } from './template-ast.js';

/** The functions Go's text/template defines for every template. */
export const GO_BUILTIN_FUNCTIONS: readonly string[] = [
  'and', 'call', 'eq', 'ge', 'gt', 'html', 'index', 'js', 'le', 'len', 'lt', 'ne', 'not', 'or', 'print', 'printf', 'println', 'slice', 'urlquery',
];

/** The functions Prometheus adds for alert templates, all present in Prometheus 2.42. */
export const PROMETHEUS_FUNCTIONS: readonly string[] = [
  'args', 'externalURL', 'first', 'graphLink', 'humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'label',
  'match', 'parseDuration', 'pathPrefix', 'query', 'reReplaceAll', 'safeHtml', 'sortByLabel', 'stripDomain', 'stripPort', 'strvalue', 'tableLink',
  'title', 'toLower', 'toTime', 'toUpper', 'value',
];

export interface NewerFeature {
  name: string;
  reason: string;
}

/**
 * Functions and syntax promgate accepts although promtool 2.42 rejects
 * them, because later Prometheus releases accept them. A rule that uses
 * one parses with a current Prometheus and fails with 2.42.
 *
 * NOTE: the parser follows Go 1.19, which built promtool 2.42. `else with`
 * is the one later change to the template grammar handled here; other
 * changes in later Go releases, if any, are not modelled.
 */
export const NEWER_FEATURES: readonly NewerFeature[] = [
  { name: 'now', reason: 'a later Prometheus release added `now`, the evaluation time in seconds' },
  { name: 'toDuration', reason: 'a later Prometheus release added `toDuration`, which turns seconds into a Go duration' },
  { name: 'urlQueryEscape', reason: 'a later Prometheus release added `urlQueryEscape`, which escapes a string for a URL query' },
  { name: 'else with', reason: 'Go 1.23 added `{{else with ...}}`; promtool 2.42 was built with Go 1.19, and later Prometheus releases with Go 1.23 or newer' },
];

const NEWER_FUNCTIONS: ReadonlySet<string> = new Set(NEWER_FEATURES.filter((feature) => feature.name !== 'else with').map((feature) => feature.name));

export const ALERT_TEMPLATE_FUNCTIONS: ReadonlySet<string> = new Set([...GO_BUILTIN_FUNCTIONS, ...PROMETHEUS_FUNCTIONS, ...NEWER_FUNCTIONS]);

/**
 * The variables Prometheus declares before the text of an alert's label
 * and annotation templates: the firing series' labels, the external
 * labels, the external URL and the sample value. `$` is the same data.
 */
export const ALERT_TEMPLATE_VARIABLES: readonly string[] = ['$labels', '$externalLabels', '$externalURL', '$value'];

/**
 * Parses an alert label or annotation template as Prometheus does: with
 * its functions and variables, under the template name `__alert_<alert>`.
 */
export function parseAlertTemplate(text: string, alertName: string): TemplateParseResult {
  return parseTemplate(text, {
    functions: ALERT_TEMPLATE_FUNCTIONS,
    variables: ALERT_TEMPLATE_VARIABLES,
    name: `__alert_${alertName}`,
    newerFunctions: NEWER_FUNCTIONS,
    elseWith: true,
  });
}
