// promgate's model of an SLO spec, the same for every input format. Every
// value keeps the YAML node it was read from, so a problem found later, while
// validating or generating, still points at the line the author wrote.

import type { YamlMap, YamlNode, YamlScalar } from '../load/yaml-tree.js';

/** The input format, named by its version field: Sloth's `version` or OpenSLO's `apiVersion`. */
export type SloSpecFormat = 'prometheus/v1' | 'openslo/v1';

/** The SLO periods promgate generates rules for. */
export const SLO_PERIODS = ['28d', '30d'] as const;

export type SloPeriod = (typeof SLO_PERIODS)[number];

/** The period of an SLO whose spec sets none, unless the policy sets another. */
export const DEFAULT_SLO_PERIOD: SloPeriod = '30d';

export interface SpecValue<T> {
  value: T;
  node: YamlNode;
}

/** A label or annotation written in a spec. */
export interface SpecLabel {
  name: string;
  value: string;
  keyNode: YamlNode;
  valueNode: YamlNode;
}

/** One spec document: a service and its SLOs. */
export interface SloSpec {
  format: SloSpecFormat;
  /** 0-based index of the YAML document in its file. */
  documentIndex: number;
  root: YamlMap;
  service: SpecValue<string>;
  /** Labels for every rule of every SLO of the spec. */
  labels: SpecLabel[];
  slos: Slo[];
}

export interface Slo {
  node: YamlMap;
  /** The key path of the SLO, for messages: `slos[0]`, or `spec` for OpenSLO. */
  path: string;
  name: SpecValue<string>;
  description: SpecValue<string> | undefined;
  objective: Objective;
  /** Labels of this SLO only. The spec's labels apply too, and these win on a clash. */
  labels: SpecLabel[];
  sli: Sli;
  /** The period written in the spec (OpenSLO's `timeWindow`). When absent, the generator's default applies. */
  period: SpecValue<SloPeriod> | undefined;
  alerting: SloAlerting;
}

export interface Objective {
  /** The objective as a ratio, such as 0.999 for 99.9%. */
  ratio: number;
  /** The number as written: a percentage for Sloth and OpenSLO's `targetPercent`, a ratio for `target`. */
  written: number;
  unit: 'percent' | 'ratio';
  /** The key path of the number, for messages: `slos[0].objective` or `spec.objectives[0].target`. */
  path: string;
  node: YamlNode;
}

/** A PromQL query template of an SLI, with `{{.window}}` where the range goes. */
export interface SliQuery {
  template: string;
  node: YamlScalar;
  /** The key path of the query, for messages: `slos[0].sli.events.error_query`. */
  path: string;
}

/**
 * An SLI, by the way it computes the error ratio: `events` divides bad
 * events by all events, `good-total` subtracts the ratio of good events
 * from 1, and `raw` is a query that already returns the error ratio.
 */
export type Sli =
  | { kind: 'events'; error: SliQuery; total: SliQuery }
  | { kind: 'good-total'; good: SliQuery; total: SliQuery }
  | { kind: 'raw'; errorRatio: SliQuery };

export interface SloAlerting {
  /** The name of both burn-rate alerts. When undefined, promgate derives one from the service and SLO names. */
  name: SpecValue<string> | undefined;
  labels: SpecLabel[];
  annotations: SpecLabel[];
  page: AlertTier;
  ticket: AlertTier;
}

/** Settings of the page or the ticket alert. */
export interface AlertTier {
  disabled: boolean;
  /** The `disable` value, when the spec sets one. */
  disabledNode: YamlNode | undefined;
  labels: SpecLabel[];
  annotations: SpecLabel[];
}

/** A problem in a spec, at file offsets, for the `slo/spec` check. */
export interface SloSpecProblem {
  start: number;
  end: number;
  message: string;
  fix: string;
}

/** Lists the queries of an SLI in the order they are written. */
export function sliQueries(sli: Sli): SliQuery[] {
  switch (sli.kind) {
    case 'events':
      return [sli.error, sli.total];
    case 'good-total':
      return [sli.good, sli.total];
    case 'raw':
      return [sli.errorRatio];
  }
}

/** Builds the `sloth_id` label value, which names an SLO uniquely across services. */
export function sloId(spec: SloSpec, slo: Slo): string {
  return `${spec.service.value}-${slo.name.value}`;
}
