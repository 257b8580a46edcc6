import { parsePromql } from '../../promql/parse.js';
import { metricNameOf } from '../../promql/selectors.js';
import { selectorsOf, walk } from '../../promql/walk.js';
import type { Expr, LabelMatcher, VectorSelector } from '../../promql/ast.js';
import type { Rule } from '../../load/model.js';

/** The golden signals a recording rule can record. */
export type Signal = 'request-rate' | 'error-ratio' | 'latency';

/** Selection of a service's series: by `job`, or by a PromQL selector from the policy. */
export interface ServiceMatch {
  job?: string;
  selector?: string;
}

const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);
const ERROR_NAME = /(?:^|[_:])(?:errors?|fail(?:ed|ures?)?|5xx)(?:$|[_:])/;
const LATENCY_NAME = /(?:^|[_:])(?:p\d{2,3}|quantile\d*|percentile\d*|latency)(?:$|[_:])/;
/** Status labels whose 5xx values mark server errors. */
const STATUS_LABELS = new Set(['code', 'status', 'status_code', 'http_status', 'response_code', 'grpc_code']);

/**
 * Tells which golden signals an expression records, from the series it reads
 * and the operations applied: `histogram_quantile` for latency, a ratio of
 * error series to others for the error ratio, and a rated counter for the
 * request rate. For an alert, `records` names the service's recorded series,
 * whose own names then count.
 */
export function classifySignals(name: string, expr: Expr, records?: ReadonlySet<string>, rules?: readonly Rule[]): Set<Signal> {
  const signals = new Set<Signal>();
  let quantile = false;
  let rated = false;
  let dividesErrors = false;
  walk(expr, (node) => {
    if (node.type === 'Call' && (node.func.name === 'histogram_quantile' || node.func.name === 'quantile_over_time')) quantile = true;
    if (node.type === 'Aggregation' && node.op === 'quantile') quantile = true;
    if (node.type === 'Call' && RATE_FUNCTIONS.has(node.func.name)) rated = true;
    if (node.type === 'Binary' && node.op === '/' && selectorsOf(node.lhs).some(isErrorSelector)) dividesErrors = true;
  });

  if (quantile || LATENCY_NAME.test(name)) signals.add('latency');
  if (dividesErrors || (ERROR_NAME.test(name) && /ratio|rate/.test(name))) signals.add('error-ratio');
  if (rated && !signals.has('latency') && !signals.has('error-ratio')) signals.add('request-rate');

  // An alert that reads a recorded error ratio or an SLO burn rate is based on the error ratio too.
  if (records !== undefined) {
    for (const selector of selectorsOf(expr)) {
      const metric = metricNameOf(selector);
      if (metric === undefined) continue;
      if (metric.startsWith('slo:') && /error|burn_rate/.test(metric)) signals.add('error-ratio');
      if (records.has(metric) && (ERROR_NAME.test(metric) || recordsErrorRatio(metric, rules ?? []))) signals.add('error-ratio');
    }
  }
  return signals;
}

function recordsErrorRatio(record: string, rules: readonly Rule[]): boolean {
  return rules.some((rule) => {
    if (rule.kind !== 'recording' || rule.name !== record) return false;
    const parsed = parsePromql(rule.expr);
    return parsed.expr !== undefined && parsed.errors.length === 0 && classifySignals(rule.name, parsed.expr).has('error-ratio');
  });
}

function isErrorSelector(selector: VectorSelector): boolean {
  const metric = metricNameOf(selector);
  if (metric !== undefined && ERROR_NAME.test(metric)) return true;
  return selector.matchers.some((matcher) => STATUS_LABELS.has(matcher.name) && selectsServerErrors(matcher));
}

function selectsServerErrors(matcher: LabelMatcher): boolean {
  if (matcher.op === '=') return /^5\d\d$/.test(matcher.value);
  if (matcher.op === '=~') return /^5/.test(matcher.value) || matcher.value.includes('5..') || matcher.value.includes('5xx');
  return false;
}

/** Returns whether an expression reads the series of a service, directly or through one of `records`. */
export function selectsService(expr: Expr, match: ServiceMatch, records?: ReadonlySet<string>): boolean {
  const expected = match.selector === undefined ? undefined : requiredMatchers(match.selector);
  return selectorsOf(expr).some((selector) => {
    const metric = metricNameOf(selector);
    if (records !== undefined && metric !== undefined && records.has(metric)) return true;
    if (expected !== undefined) return expected.length > 0 && expected.every((required) => selector.matchers.some((matcher) => matcher.op === '=' && matcher.name === required.name && matcher.value === required.value));
    return selector.matchers.some((matcher) => matcher.name === 'job' && matchesJob(matcher, match.job ?? ''));
  });
}

function matchesJob(matcher: LabelMatcher, job: string): boolean {
  if (matcher.op === '=') return matcher.value === job;
  if (matcher.op !== '=~') return false;
  try {
    return new RegExp(`^(?:${matcher.value})$`).test(job);
  } catch {
    return false;
  }
}

/** Returns the equality matchers of a policy selector such as `{service="checkout"}`; none when it does not parse. */
function requiredMatchers(selector: string): LabelMatcher[] {
  const parsed = parsePromql(selector);
  if (parsed.expr?.type !== 'VectorSelector') return [];
  return parsed.expr.matchers.filter((matcher) => matcher.op === '=');
}
