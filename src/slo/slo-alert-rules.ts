import { formatDuration } from '../promql/index.js';
import { burnFactor, conditionsOf, durationSeconds } from './burn-rate.js';
import { formatNumber } from './format-number.js';
import { runbookUrl } from './generation-options.js';
import { labelRecord } from './slo-rule-context.js';
import { errorRatioSeries, ID_LABEL, SERVICE_LABEL, SLO_LABEL, TIER_LABEL, WINDOW_LABEL } from './slo-series.js';
import type { AlertTierName, BurnRateCondition } from './burn-rate.js';
import type { AlertingRuleText, RuleGroupText } from './rule-file-writer.js';
import type { SloRuleContext } from './slo-rule-context.js';
import type { Slo, SloSpec } from './slo-spec.js';

/** Builds the page and ticket burn-rate alerts of one SLO, or returns undefined when the spec disables both. */
export function alertGroup(context: SloRuleContext): RuleGroupText | undefined {
  const tiers = (['page', 'ticket'] as const).filter((tier) => !context.slo.alerting[tier].disabled);
  if (tiers.length === 0) return undefined;
  return { name: `slo-alerts-${context.id}`, rules: tiers.map((tier) => alertRule(context, tier)) };
}

function alertRule(context: SloRuleContext, tier: AlertTierName): AlertingRuleText {
  const { slo, defaults } = context;
  const alert = alertName(context.spec, slo);
  const settings = slo.alerting[tier];
  const identity = {
    [ID_LABEL]: context.labels[ID_LABEL]!,
    [SERVICE_LABEL]: context.labels[SERVICE_LABEL]!,
    [SLO_LABEL]: context.labels[SLO_LABEL]!,
  };

  return {
    alert,
    expr: conditionsOf(tier)
      .map((condition) => conditionExpression(context, condition))
      .join('\nor\n'),
    for: tier === 'page' ? defaults.pageFor : defaults.ticketFor,
    labels: {
      severity: tier === 'page' ? defaults.pageSeverity : defaults.ticketSeverity,
      ...context.labels,
      ...labelRecord(slo.alerting.labels),
      ...labelRecord(settings.labels),
      ...identity,
      [TIER_LABEL]: tier,
    },
    annotations: {
      summary: `SLO ${slo.name.value} of ${context.spec.service.value} is spending its error budget too fast (${tier}).`,
      description: describeConditions(context, tier),
      runbook_url: runbookUrl(defaults.runbookBaseUrl, alert),
      ...labelRecord(slo.alerting.annotations),
      ...labelRecord(settings.annotations),
    },
  };
}

/**
 * Builds a condition that holds when the error ratio is above the threshold
 * over both windows. `max without (sloth_window)` gives both sides the same
 * labels, so `and` can match them, and keeps every other label, `env`
 * included.
 */
function conditionExpression(context: SloRuleContext, condition: BurnRateCondition): string {
  const threshold = `(${formatNumber(burnFactor(condition, context.period))} * ${formatNumber(context.budget)})`;
  const side = (window: string): string => `  max without (${WINDOW_LABEL}) (${errorRatioSeries(window)}${context.selector} > ${threshold})`;
  return ['(', side(condition.longWindow), '  and', side(condition.shortWindow), ')'].join('\n');
}

function describeConditions(context: SloRuleContext, tier: AlertTierName): string {
  const conditions = conditionsOf(tier);
  const parts = conditions.map(
    (condition) => `above ${formatNumber(burnFactor(condition, context.period))}× the error budget over both the last ${condition.longWindow} and ${condition.shortWindow}`,
  );
  const fastest = burnFactor(conditions[0]!, context.period);
  const lasts = formatDuration(Math.round(durationSeconds(context.period) / fastest) * 1000);
  return (
    `The error ratio of SLO ${context.slo.name.value} is ${parts.join(', or ')}; its error budget is ${formatNumber(context.budget)}. ` +
    `At ${formatNumber(fastest)}× the budget, the ${context.period} budget is spent in ${lasts}. ` +
    'Error ratio now: {{ $value | humanizePercentage }}.'
  );
}

/** Returns the spec's alert name, or builds one from the service and SLO names: `checkout` and `availability` give `CheckoutAvailabilityErrorBudgetBurn`. */
export function alertName(spec: SloSpec, slo: Slo): string {
  if (slo.alerting.name !== undefined) return slo.alerting.name.value;
  const service = spec.service.value;
  const name = slo.name.value;
  const words = name.toLowerCase().startsWith(`${service.toLowerCase()}-`) ? name : `${service}-${name}`;
  const pascal = words
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[A-Za-z]/.test(pascal) ? `${pascal}ErrorBudgetBurn` : `Slo${pascal}ErrorBudgetBurn`;
}
