/**
 * Fields that Prometheus' own rule format does not define but that other
 * rule evaluators read from the same files. promgate accepts them without a
 * `yaml/schema` finding; `promtool check rules` (2.42) rejects them as unknown
 * fields, which the promtool agreement test takes into account.
 */
export interface VendorField {
  key: string;
  scope: 'group' | 'rule';
  /** The rule evaluators that read the field, such as `Thanos Ruler`. */
  reader: string;
  reason: string;
}

export const VENDOR_FIELDS: readonly VendorField[] = [
  { key: 'query_offset', scope: 'group', reader: 'Prometheus 2.53 and later', reason: 'Delays evaluation of the group; newer than promtool 2.42.' },
  { key: 'labels', scope: 'group', reader: 'Prometheus 3.0 and later', reason: 'Labels added to every rule of the group; newer than promtool 2.42.' },
  { key: 'partial_response_strategy', scope: 'group', reader: 'Thanos Ruler', reason: 'Chooses whether a rule runs when some store APIs fail.' },
  { key: 'source_tenants', scope: 'group', reader: 'Cortex and Grafana Mimir rulers', reason: 'Federated rule groups that query several tenants.' },
  { key: 'evaluation_delay', scope: 'group', reader: 'Cortex and Grafana Mimir rulers', reason: 'Older name of `query_offset` in those rulers.' },
  { key: 'align_evaluation_time_on_interval', scope: 'group', reader: 'Grafana Mimir ruler', reason: 'Aligns evaluation timestamps to the group interval.' },
  { key: 'concurrency', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Number of rules of the group evaluated at once.' },
  { key: 'type', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Query language of the group (`prometheus` or `graphite`).' },
  { key: 'params', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Extra URL parameters sent with every query of the group.' },
  { key: 'headers', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Extra HTTP headers sent with every query of the group.' },
  { key: 'notifier_headers', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Extra HTTP headers sent to notifiers.' },
  { key: 'eval_offset', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Shifts the evaluation time inside the interval.' },
  { key: 'eval_delay', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Delays evaluation to let late samples arrive.' },
  { key: 'eval_alignment', scope: 'group', reader: 'VictoriaMetrics vmalert', reason: 'Aligns query timestamps to the group interval.' },
  { key: 'debug', scope: 'rule', reader: 'VictoriaMetrics vmalert', reason: 'Logs each evaluation of the rule.' },
  { key: 'update_entries_limit', scope: 'rule', reader: 'VictoriaMetrics vmalert', reason: 'Number of state changes kept for the rule.' },
];

export function isVendorField(scope: VendorField['scope'], key: string): boolean {
  return VENDOR_FIELDS.some((field) => field.scope === scope && field.key === key);
}
