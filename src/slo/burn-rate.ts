import { parseDuration } from '../promql/index.js';
import { roundNumber } from './format-number.js';
import type { SloPeriod } from './slo-spec.js';

/** Windows of the error-ratio recording rules, shortest first. The SLO period is recorded as well. */
export const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

export type AlertTierName = 'page' | 'ticket';

/**
 * One condition of a multi-window, multi-burn-rate alert: it holds when the
 * error ratio over both windows is above `factor` times the error budget.
 * The factor is the burn rate that spends `budgetSpent` of the period's
 * budget within the long window: factor = budgetSpent × period / longWindow.
 * The short window makes the alert resolve soon after the errors stop.
 */
export interface BurnRateCondition {
  tier: AlertTierName;
  longWindow: string;
  shortWindow: string;
  /** Share of the period's error budget spent within the long window at this burn rate. */
  budgetSpent: number;
}

/**
 * The conditions of the page and ticket alerts. For a 30d period the factors
 * are 14.4, 6, 3 and 1, the ones Sloth's generated alerts use.
 */
export const BURN_RATE_CONDITIONS: readonly BurnRateCondition[] = [
  { tier: 'page', longWindow: '1h', shortWindow: '5m', budgetSpent: 0.02 },
  { tier: 'page', longWindow: '6h', shortWindow: '30m', budgetSpent: 0.05 },
  { tier: 'ticket', longWindow: '1d', shortWindow: '2h', budgetSpent: 0.1 },
  { tier: 'ticket', longWindow: '3d', shortWindow: '6h', budgetSpent: 0.1 },
];

export function conditionsOf(tier: AlertTierName): BurnRateCondition[] {
  return BURN_RATE_CONDITIONS.filter((condition) => condition.tier === tier);
}

/** Returns the burn-rate factor of a condition for a period: 14.4 for the 1h window of a 30d period, 13.44 for 28d. */
export function burnFactor(condition: BurnRateCondition, period: SloPeriod): number {
  return roundNumber((condition.budgetSpent * durationSeconds(period)) / durationSeconds(condition.longWindow));
}

/** Converts a Prometheus duration that promgate writes itself, such as `30d`, to seconds. */
export function durationSeconds(duration: string): number {
  const parsed = parseDuration(duration);
  if (!parsed.ok) throw new Error(`invalid built-in duration \`${duration}\`: ${parsed.error}`);
  return parsed.ms / 1000;
}
