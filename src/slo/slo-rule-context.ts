import { roundNumber } from './format-number.js';
import { ID_LABEL, SERVICE_LABEL, SLO_LABEL } from './slo-series.js';
import { sloId } from './slo-spec.js';
import { compareCodePoints } from './rule-file-writer.js';
import type { SloGenerationDefaults } from './generation-options.js';
import type { Slo, SloPeriod, SloSpec, SpecLabel } from './slo-spec.js';

/** The names, labels and numbers that every rule of one SLO uses. */
export interface SloRuleContext {
  spec: SloSpec;
  slo: Slo;
  id: string;
  period: SloPeriod;
  /** The error budget, 1 − objective, such as 0.001. */
  budget: number;
  /** Labels of every rule of the SLO: the spec's, then the SLO's, then the identity labels. */
  labels: Readonly<Record<string, string>>;
  /** Matchers for every label in `labels`, so rules read only this SLO's recorded series. */
  selector: string;
  defaults: SloGenerationDefaults;
}

export function createSloRuleContext(spec: SloSpec, slo: Slo, defaults: SloGenerationDefaults): SloRuleContext {
  const id = sloId(spec, slo);
  const labels = {
    ...labelRecord(spec.labels),
    ...labelRecord(slo.labels),
    [ID_LABEL]: id,
    [SERVICE_LABEL]: spec.service.value,
    [SLO_LABEL]: slo.name.value,
  };
  return {
    spec,
    slo,
    id,
    period: slo.period?.value ?? defaults.period,
    budget: roundNumber(1 - slo.objective.ratio),
    labels,
    selector: selectorFor(labels),
    defaults,
  };
}

/** Turns spec labels into a record. A later label of the same name wins, as in a YAML mapping. */
export function labelRecord(labels: readonly SpecLabel[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const label of labels) record[label.name] = label.value;
  return record;
}

function selectorFor(labels: Readonly<Record<string, string>>): string {
  // JSON string syntax is valid in PromQL, whose double-quoted strings take Go's escapes.
  const matchers = Object.keys(labels)
    .sort(compareCodePoints)
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${matchers.join(', ')}}`;
}
