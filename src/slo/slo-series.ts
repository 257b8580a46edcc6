// Names of the series and labels the SLO rules record. They are Sloth's, so
// dashboards built for Sloth's rules keep working, except where Sloth's name
// breaks promgate's conventions (`level:metric:operations`, base units).

/** Names the error-ratio series of a window, such as `slo:sli_error:ratio_rate5m`. */
export function errorRatioSeries(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}

export const OBJECTIVE_SERIES = 'slo:objective:ratio';
export const ERROR_BUDGET_SERIES = 'slo:error_budget:ratio';
/** Sloth records `slo:time_period:days`. promgate records the period in seconds, the base unit. */
export const TIME_PERIOD_SERIES = 'slo:time_period:seconds';
export const CURRENT_BURN_RATE_SERIES = 'slo:current_burn_rate:ratio';
export const PERIOD_BURN_RATE_SERIES = 'slo:period_burn_rate:ratio';
export const PERIOD_BUDGET_REMAINING_SERIES = 'slo:period_error_budget_remaining:ratio';
/** Sloth records `sloth_slo_info`, a name without the three `level:metric:operations` parts. */
export const INFO_SERIES = 'slo:info:info';

/** `<service>-<slo>`, unique across services. */
export const ID_LABEL = 'sloth_id';
export const SERVICE_LABEL = 'sloth_service';
export const SLO_LABEL = 'sloth_slo';
/** The window of an error-ratio series, such as `5m` or `30d`. */
export const WINDOW_LABEL = 'sloth_window';
/** `page` or `ticket` on the burn-rate alerts. */
export const TIER_LABEL = 'sloth_severity';
/** The objective in percent, on the info series. */
export const OBJECTIVE_LABEL = 'sloth_objective';
/** The spec format, such as `prometheus/v1`, on the info series. */
export const SPEC_LABEL = 'sloth_spec';

/** Labels promgate sets on generated rules, which a spec may not set. */
export const RESERVED_LABELS: readonly string[] = [ID_LABEL, SERVICE_LABEL, SLO_LABEL, WINDOW_LABEL, TIER_LABEL, OBJECTIVE_LABEL, SPEC_LABEL];
