import { durationSeconds, SLI_WINDOWS } from './burn-rate.js';
import { formatNumber } from './format-number.js';
import {
  CURRENT_BURN_RATE_SERIES,
  ERROR_BUDGET_SERIES,
  errorRatioSeries,
  INFO_SERIES,
  OBJECTIVE_LABEL,
  OBJECTIVE_SERIES,
  PERIOD_BUDGET_REMAINING_SERIES,
  PERIOD_BURN_RATE_SERIES,
  SPEC_LABEL,
  TIME_PERIOD_SERIES,
  WINDOW_LABEL,
} from './slo-series.js';
import { fillWindow } from './window-template.js';
import type { RecordingRuleText, RuleGroupText } from './rule-file-writer.js';
import type { SloRuleContext } from './slo-rule-context.js';
import type { Sli } from './slo-spec.js';

/** Builds the rules that record the error ratio of every window from 5m to 3d from the SLI queries, and of the period from the 5m ratio. */
export function sliRecordingGroup(context: SloRuleContext): RuleGroupText {
  const rules: RecordingRuleText[] = SLI_WINDOWS.map((window) => ({
    record: errorRatioSeries(window),
    expr: errorRatioExpression(context.slo.sli, window),
    labels: { ...context.labels, [WINDOW_LABEL]: window },
  }));

  // The period's ratio averages the 5m ratios instead of querying the raw
  // series over 30 days, which would be slow at every evaluation.
  const fiveMinutes = `${errorRatioSeries('5m')}${context.selector}`;
  rules.push({
    record: errorRatioSeries(context.period),
    expr: [`sum_over_time(${fiveMinutes}[${context.period}])`, `/ ignoring (${WINDOW_LABEL})`, `count_over_time(${fiveMinutes}[${context.period}])`].join('\n'),
    labels: { ...context.labels, [WINDOW_LABEL]: context.period },
  });
  return { name: `slo-sli-recordings-${context.id}`, rules };
}

/** Builds the rules that record the objective, budget and period as series, the burn rates, and the remaining budget. */
export function metaRecordingGroup(context: SloRuleContext): RuleGroupText {
  const { labels, selector, slo, spec } = context;
  const budget = formatNumber(context.budget);
  const rules: RecordingRuleText[] = [
    { record: OBJECTIVE_SERIES, expr: `vector(${formatNumber(slo.objective.ratio)})`, labels },
    { record: ERROR_BUDGET_SERIES, expr: `vector(${budget})`, labels },
    { record: TIME_PERIOD_SERIES, expr: `vector(${durationSeconds(context.period)})`, labels },
    { record: CURRENT_BURN_RATE_SERIES, expr: `${errorRatioSeries('5m')}${selector} / ${budget}`, labels },
    { record: PERIOD_BURN_RATE_SERIES, expr: `${errorRatioSeries(context.period)}${selector} / ${budget}`, labels },
    { record: PERIOD_BUDGET_REMAINING_SERIES, expr: `1 - ${PERIOD_BURN_RATE_SERIES}${selector}`, labels },
    {
      record: INFO_SERIES,
      expr: 'vector(1)',
      labels: { ...labels, [OBJECTIVE_LABEL]: formatNumber(slo.objective.ratio * 100), [SPEC_LABEL]: spec.format },
    },
  ];
  return { name: `slo-meta-recordings-${context.id}`, rules };
}

/** Builds the error-ratio expression of one window from the SLI's query templates. */
export function errorRatioExpression(sli: Sli, window: string): string {
  const query = (template: string): string => fillWindow(template, window).text.trim();
  switch (sli.kind) {
    case 'events':
      return [parenthesize(query(sli.error.template)), '/', parenthesize(query(sli.total.template))].join('\n');
    case 'good-total':
      return ['1 - (', indent(parenthesize(query(sli.good.template))), '  /', indent(parenthesize(query(sli.total.template))), ')'].join('\n');
    case 'raw':
      return query(sli.errorRatio.template);
  }
}

/**
 * Wraps a query in parentheses. A multi-line query gets them on lines of
 * their own, so a `#` comment on its last line cannot hide the `)`.
 */
function parenthesize(query: string): string {
  return query.includes('\n') || query.includes('#') ? `(\n${indent(query)}\n)` : `(${query})`;
}

/** Indents lines by two spaces, except in a query with a backtick string, which may span lines and must stay as written. */
function indent(text: string): string {
  if (text.includes('`')) return text;
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
