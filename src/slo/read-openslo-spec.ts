import { asMap, asScalar, asSeq, findPair, getValue, isNull } from '../load/yaml-access.js';
import { roundNumber } from './format-number.js';
import type { Objective, Sli, SliQuery, Slo, SloAlerting, SloPeriod, SloSpec, SpecValue } from './slo-spec.js';
import type { SpecReader } from './spec-reader.js';
import type { YamlMap, YamlNode } from '../load/yaml-tree.js';

// Keys of an OpenSLO v1 `SLO` object with an inline indicator.
const ROOT_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA_KEYS = ['name', 'displayName', 'labels', 'annotations'];
const SPEC_KEYS = ['description', 'service', 'indicator', 'indicatorRef', 'budgetingMethod', 'timeWindow', 'objectives', 'alertPolicies'];
const INDICATOR_KEYS = ['metadata', 'spec'];
const INDICATOR_SPEC_KEYS = ['ratioMetric', 'thresholdMetric'];
const RATIO_KEYS = ['counter', 'good', 'bad', 'total', 'rawType', 'raw'];
const METRIC_KEYS = ['metricSource'];
const SOURCE_KEYS = ['metricSourceRef', 'type', 'spec'];
const PROMETHEUS_SOURCE_KEYS = ['query'];
const OBJECTIVE_KEYS = ['displayName', 'op', 'value', 'target', 'targetPercent', 'timeSliceTarget', 'timeSliceWindow', 'indicator', 'indicatorRef', 'compositeWeight'];
const TIME_WINDOW_KEYS = ['duration', 'isRolling', 'calendar'];

/** Durations OpenSLO writes for the periods promgate supports. `4w` is 28 days. */
const PERIOD_BY_DURATION: Readonly<Record<string, SloPeriod>> = { '28d': '28d', '4w': '28d', '30d': '30d' };

/** Reads an OpenSLO v1 `SLO`. Each objective becomes one SLO of the returned spec. */
export function readOpenSloSpec(root: YamlMap, documentIndex: number, reader: SpecReader): SloSpec | undefined {
  reader.unknownKeys(root, ROOT_KEYS, '');
  const metadata = reader.map(root, 'metadata', { path: 'metadata', missingFix: 'Add `metadata:` with the SLO `name`.' });
  if (metadata !== undefined) reader.unknownKeys(metadata, METADATA_KEYS, 'metadata');
  const name = metadata === undefined ? undefined : reader.string(metadata, 'name', { path: 'metadata.name', missingFix: 'Add `name:`, such as `name: checkout-availability`.' });
  const labels = metadata === undefined ? [] : reader.labels(metadata, 'labels', { path: 'metadata.labels' }, (node, path) => readListLabel(node, path, reader));

  const spec = reader.map(root, 'spec', { path: 'spec', missingFix: 'Add `spec:` with `service`, `indicator`, `objectives` and `timeWindow`.' });
  if (spec === undefined) return undefined;
  reader.unknownKeys(spec, SPEC_KEYS, 'spec');
  const service = reader.string(spec, 'service', { path: 'spec.service', missingFix: 'Add `service:` with the name of the service the SLO measures.' });
  const description = reader.string(spec, 'description', { path: 'spec.description' });
  const sli = readIndicator(spec, reader);
  const period = readTimeWindow(spec, reader);
  readBudgetingMethod(spec, reader);

  const objectives = reader.seq(spec, 'objectives', { path: 'spec.objectives', missingFix: 'Add `objectives:` with one item that sets `target`, such as `- target: 0.999`.' });
  if (objectives !== undefined && objectives.items.length === 0) {
    reader.add(objectives, '`spec.objectives` is an empty list, so no rules would be generated.', 'Add an objective such as `- target: 0.999`.');
  }
  const parsedObjectives = objectives?.items.map((item, index) => readObjective(item, `spec.objectives[${index}]`, reader)) ?? [];

  if (service === undefined || name === undefined || sli === undefined) return undefined;
  const slos: Slo[] = [];
  parsedObjectives.forEach((objective, index) => {
    if (objective === undefined) return;
    // One objective keeps the SLO's name, and several get their index appended so that each name stays unique.
    const sloName: SpecValue<string> = parsedObjectives.length === 1 ? name : { value: `${name.value}-${index}`, node: objective.node };
    slos.push({
      node: spec,
      path: 'spec',
      name: sloName,
      description,
      objective,
      labels: [],
      sli,
      period,
      alerting: defaultAlerting(),
    });
  });
  return { format: 'openslo/v1', documentIndex, root, service, labels, slos };
}

/** Reads a label written as a list. OpenSLO allows several values per label, but a Prometheus label has one. */
function readListLabel(node: YamlNode, path: string, reader: SpecReader): string | undefined {
  const seq = asSeq(node);
  const only = seq?.items.length === 1 ? asScalar(seq.items[0]) : undefined;
  if (only !== undefined && !isNull(only)) return only.value;
  reader.add(node, `\`${path}\` must be one value, because it becomes a Prometheus label; got ${seq === undefined ? 'an empty value' : `a list of ${seq.items.length}`}.`, `Write one value for \`${path}\`.`);
  return undefined;
}

function readIndicator(spec: YamlMap, reader: SpecReader): Sli | undefined {
  const ref = findPair(spec, 'indicatorRef');
  if (ref !== undefined) {
    reader.add(ref.key, '`spec.indicatorRef` refers to a separate `SLI` object, which promgate does not resolve.', 'Write the indicator inline under `spec.indicator`.');
    return undefined;
  }
  const indicator = reader.map(spec, 'indicator', { path: 'spec.indicator', missingFix: 'Add `indicator:` with `spec.ratioMetric` holding `good` (or `bad`) and `total` queries.' });
  if (indicator === undefined) return undefined;
  reader.unknownKeys(indicator, INDICATOR_KEYS, 'spec.indicator');
  const indicatorSpec = reader.map(indicator, 'spec', { path: 'spec.indicator.spec', missingFix: 'Add `spec:` with `ratioMetric`.' });
  if (indicatorSpec === undefined) return undefined;
  reader.unknownKeys(indicatorSpec, INDICATOR_SPEC_KEYS, 'spec.indicator.spec');

  const threshold = findPair(indicatorSpec, 'thresholdMetric');
  if (threshold !== undefined) {
    reader.add(threshold.key, '`thresholdMetric` SLIs are not supported: promgate generates burn-rate rules for ratio SLIs only.', 'Express the SLI as `ratioMetric` with `good` or `bad` and `total` queries.');
    return undefined;
  }
  const path = 'spec.indicator.spec.ratioMetric';
  const ratio = reader.map(indicatorSpec, 'ratioMetric', { path, missingFix: 'Add `ratioMetric:` with `good` (or `bad`) and `total` queries.' });
  if (ratio === undefined) return undefined;
  reader.unknownKeys(ratio, RATIO_KEYS, path);
  reader.boolean(ratio, 'counter', { path: `${path}.counter` });

  const good = readMetric(ratio, 'good', path, reader);
  const bad = readMetric(ratio, 'bad', path, reader);
  const raw = readMetric(ratio, 'raw', path, reader);
  if (raw !== undefined) return readRawIndicator(ratio, raw, path, reader);

  const total = readMetric(ratio, 'total', path, reader);
  if (good !== undefined && bad !== undefined) {
    reader.add(ratio, `\`${path}\` sets both \`good\` and \`bad\`; the ratio uses one of them.`, 'Keep either `good` or `bad`.');
    return undefined;
  }
  if (good === undefined && bad === undefined) {
    if (!hasKey(ratio, 'good') && !hasKey(ratio, 'bad')) reader.missing(ratio, `${path}.good`, 'Add `good` (or `bad`) with a Prometheus `metricSource`.');
    return undefined;
  }
  if (total === undefined) {
    if (!hasKey(ratio, 'total')) reader.missing(ratio, `${path}.total`, 'Add `total` with a Prometheus `metricSource` counting all events.');
    return undefined;
  }
  return good !== undefined ? { kind: 'good-total', good, total } : { kind: 'events', error: bad!, total };
}

/** Reads `rawType` with `raw`: a query that returns the success or the failure ratio itself. */
function readRawIndicator(ratio: YamlMap, raw: SliQuery, path: string, reader: SpecReader): Sli | undefined {
  const rawType = reader.string(ratio, 'rawType', { path: `${path}.rawType`, missingFix: 'Add `rawType: failure` when `raw` returns the error ratio.' });
  if (rawType === undefined) return undefined;
  if (rawType.value === 'failure') return { kind: 'raw', errorRatio: raw };
  reader.add(
    rawType.node,
    `\`${path}.rawType\` is \`${rawType.value}\`; promgate reads \`raw\` queries only with \`rawType: failure\`, which return the error ratio.`,
    'Write `raw` as the error ratio with `rawType: failure`, or use `good` and `total` queries.',
  );
  return undefined;
}

function hasKey(map: YamlMap, key: string): boolean {
  return findPair(map, key) !== undefined;
}

function readMetric(ratio: YamlMap, key: string, ratioPath: string, reader: SpecReader): SliQuery | undefined {
  const path = `${ratioPath}.${key}`;
  const metric = reader.map(ratio, key, { path });
  if (metric === undefined) return undefined;
  reader.unknownKeys(metric, METRIC_KEYS, path);
  const source = reader.map(metric, 'metricSource', { path: `${path}.metricSource`, missingFix: 'Add `metricSource:` with `type: Prometheus` and `spec.query`.' });
  if (source === undefined) return undefined;
  reader.unknownKeys(source, SOURCE_KEYS, `${path}.metricSource`);

  const ref = findPair(source, 'metricSourceRef');
  if (ref !== undefined) {
    reader.add(ref.key, `\`${path}.metricSource.metricSourceRef\` refers to a \`DataSource\` object, which promgate does not resolve.`, 'Write `type: Prometheus` in the `metricSource` itself.');
  }
  const type = reader.string(source, 'type', { path: `${path}.metricSource.type`, missingFix: 'Add `type: Prometheus`.' });
  if (type !== undefined && type.value.toLowerCase() !== 'prometheus') {
    reader.add(type.node, `\`${path}.metricSource.type\` is \`${type.value}\`; promgate generates Prometheus rules from Prometheus queries only.`, 'Use `type: Prometheus` with a PromQL `query`.');
    return undefined;
  }
  const sourceSpec = reader.map(source, 'spec', { path: `${path}.metricSource.spec`, missingFix: 'Add `spec:` with the PromQL `query`.' });
  if (sourceSpec === undefined) return undefined;
  reader.unknownKeys(sourceSpec, PROMETHEUS_SOURCE_KEYS, `${path}.metricSource.spec`);
  const queryPath = `${path}.metricSource.spec.query`;
  const query = reader.string(sourceSpec, 'query', { path: queryPath, missingFix: 'Add `query:` with a PromQL query that uses `{{.window}}` as its range.' });
  if (query === undefined || query.node.kind !== 'scalar' || type === undefined) return undefined;
  return { template: query.value, node: query.node, path: queryPath };
}

function readTimeWindow(spec: YamlMap, reader: SpecReader): SpecValue<SloPeriod> | undefined {
  const windows = reader.seq(spec, 'timeWindow', { path: 'spec.timeWindow' });
  if (windows === undefined || windows.items.length === 0) return undefined;
  if (windows.items.length > 1) {
    reader.add(windows, `\`spec.timeWindow\` lists ${windows.items.length} windows; an SLO has one period.`, 'Keep one time window, such as `- duration: 30d` with `isRolling: true`.');
  }
  const path = 'spec.timeWindow[0]';
  const window = asMap(windows.items[0]);
  if (window === undefined) {
    reader.wrongType(windows.items[0]!, path, 'a mapping with `duration` and `isRolling`');
    return undefined;
  }
  reader.unknownKeys(window, TIME_WINDOW_KEYS, path);

  const rolling = reader.boolean(window, 'isRolling', { path: `${path}.isRolling` });
  const calendar = getValue(window, 'calendar');
  if (rolling?.value === false || calendar !== undefined) {
    reader.add(calendar ?? rolling!.node, `\`${path}\` is a calendar window; promgate's burn-rate rules measure rolling windows only.`, 'Use a rolling window: `isRolling: true` without `calendar`.');
  }
  const duration = reader.string(window, 'duration', { path: `${path}.duration`, missingFix: 'Add `duration: 30d` or `duration: 28d`.' });
  if (duration === undefined) return undefined;
  const period = PERIOD_BY_DURATION[duration.value];
  if (period === undefined) {
    reader.add(duration.node, `\`${path}.duration\` is \`${duration.value}\`; promgate generates rules for periods of \`28d\` and \`30d\` only.`, 'Use `duration: 30d` or `duration: 28d`.');
    return undefined;
  }
  return { value: period, node: duration.node };
}

function readBudgetingMethod(spec: YamlMap, reader: SpecReader): void {
  const method = reader.string(spec, 'budgetingMethod', { path: 'spec.budgetingMethod' });
  if (method === undefined || method.value === 'Occurrences') return;
  reader.add(
    method.node,
    `\`spec.budgetingMethod\` is \`${method.value}\`; promgate's rules count events over the period, which is \`Occurrences\`.`,
    'Use `budgetingMethod: Occurrences`.',
  );
}

function readObjective(item: YamlNode, path: string, reader: SpecReader): Objective | undefined {
  const node = asMap(item);
  if (node === undefined) {
    reader.wrongType(item, path, 'a mapping with `target`');
    return undefined;
  }
  reader.unknownKeys(node, OBJECTIVE_KEYS, path);
  for (const key of ['indicator', 'indicatorRef']) {
    const pair = findPair(node, key);
    if (pair !== undefined) reader.add(pair.key, `\`${path}.${key}\` makes a composite SLO, which promgate does not support.`, 'Remove it; the SLO-level `spec.indicator` applies to every objective.');
  }

  const hasTarget = findPair(node, 'target') !== undefined;
  const hasPercent = findPair(node, 'targetPercent') !== undefined;
  if (hasTarget && hasPercent) {
    reader.add(node, `\`${path}\` sets both \`target\` and \`targetPercent\`.`, 'Keep one: `target` as a ratio such as `0.999`, or `targetPercent` such as `99.9`.');
    return undefined;
  }
  if (hasPercent) {
    const percent = reader.number(node, 'targetPercent', { path: `${path}.targetPercent` });
    return percent === undefined ? undefined : { ratio: roundNumber(percent.value / 100), written: percent.value, unit: 'percent', path: `${path}.targetPercent`, node: percent.node };
  }
  const target = reader.number(node, 'target', { path: `${path}.target`, missingFix: 'Add `target:` as a ratio, such as `target: 0.999`.' });
  return target === undefined ? undefined : { ratio: target.value, written: target.value, unit: 'ratio', path: `${path}.target`, node: target.node };
}

function defaultAlerting(): SloAlerting {
  const tier = { disabled: false, disabledNode: undefined, labels: [], annotations: [] };
  return { name: undefined, labels: [], annotations: [], page: { ...tier }, ticket: { ...tier } };
}
