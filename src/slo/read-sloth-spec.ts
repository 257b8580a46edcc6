import { asMap, findPair } from '../load/yaml-access.js';
import { roundNumber } from './format-number.js';
import type { AlertTier, Sli, SliQuery, Slo, SloAlerting, SloSpec } from './slo-spec.js';
import type { SpecReader } from './spec-reader.js';
import type { YamlMap, YamlNode } from '../load/yaml-tree.js';

// Keys of Sloth's `prometheus/v1` spec format, as Sloth's Go types decode them.
const SPEC_KEYS = ['version', 'service', 'labels', 'slos'];
const SLO_KEYS = ['name', 'description', 'objective', 'labels', 'sli', 'alerting'];
const SLI_KEYS = ['events', 'raw', 'plugin'];
const EVENTS_KEYS = ['error_query', 'total_query'];
const RAW_KEYS = ['error_ratio_query'];
const ALERTING_KEYS = ['name', 'labels', 'annotations', 'page_alert', 'ticket_alert'];
const TIER_KEYS = ['disable', 'labels', 'annotations'];

/** Reads a Sloth `prometheus/v1` spec. Returns undefined when it has no usable `service`. */
export function readSlothSpec(root: YamlMap, documentIndex: number, reader: SpecReader): SloSpec | undefined {
  reader.unknownKeys(root, SPEC_KEYS, '');
  const service = reader.string(root, 'service', {
    path: 'service',
    missingFix: 'Add `service:` with the name of the service the SLOs measure, such as `service: checkout`.',
  });
  const labels = reader.labels(root, 'labels', { path: 'labels' });
  const slosNode = reader.seq(root, 'slos', {
    path: 'slos',
    missingFix: 'Add `slos:` with at least one SLO, each with `name`, `objective`, `sli` and `alerting`.',
  });

  const slos: Slo[] = [];
  if (slosNode !== undefined && slosNode.items.length === 0) {
    reader.add(slosNode, '`slos` is an empty list, so no rules would be generated.', 'Add at least one SLO with `name`, `objective`, `sli` and `alerting`.');
  }
  slosNode?.items.forEach((item, index) => {
    const slo = readSlo(item, `slos[${index}]`, reader);
    if (slo !== undefined) slos.push(slo);
  });

  if (service === undefined) return undefined;
  return { format: 'prometheus/v1', documentIndex, root, service, labels, slos };
}

function readSlo(item: YamlNode, path: string, reader: SpecReader): Slo | undefined {
  const node = asMap(item);
  if (node === undefined) {
    reader.wrongType(item, path, 'a mapping with `name`, `objective`, `sli` and `alerting`');
    return undefined;
  }
  reader.unknownKeys(node, SLO_KEYS, path);

  const name = reader.string(node, 'name', {
    path: `${path}.name`,
    missingFix: 'Name the SLO after what it measures, such as `name: requests-availability`.',
  });
  const description = reader.string(node, 'description', { path: `${path}.description` });
  const objective = reader.number(node, 'objective', {
    path: `${path}.objective`,
    missingFix: 'Add the objective as a percentage, such as `objective: 99.9`.',
  });
  const labels = reader.labels(node, 'labels', { path: `${path}.labels` });
  const sli = readSli(node, `${path}.sli`, reader);
  const alerting = readAlerting(node, `${path}.alerting`, reader);

  if (name === undefined || objective === undefined || sli === undefined || alerting === undefined) return undefined;
  return {
    node,
    path,
    name,
    description,
    objective: { ratio: roundNumber(objective.value / 100), written: objective.value, unit: 'percent', path: `${path}.objective`, node: objective.node },
    labels,
    sli,
    period: undefined,
    alerting,
  };
}

function readSli(slo: YamlMap, path: string, reader: SpecReader): Sli | undefined {
  const node = reader.map(slo, 'sli', {
    path,
    missingFix: 'Add `sli.events` with `error_query` and `total_query`, or `sli.raw` with `error_ratio_query`.',
  });
  if (node === undefined) return undefined;
  reader.unknownKeys(node, SLI_KEYS, path);

  const plugin = findPair(node, 'plugin');
  if (plugin !== undefined) {
    reader.add(
      plugin.key,
      `\`${path}.plugin\` selects a Sloth SLI plugin, which promgate cannot expand into queries.`,
      'Write the queries the plugin would build as `sli.events` (`error_query`, `total_query`) or `sli.raw` (`error_ratio_query`).',
    );
  }
  const events = reader.map(node, 'events', { path: `${path}.events` });
  const raw = reader.map(node, 'raw', { path: `${path}.raw` });
  if (events !== undefined && raw !== undefined) {
    reader.add(node, `\`${path}\` sets both \`events\` and \`raw\`; an SLI has one type.`, 'Keep either `events` or `raw`.');
    return undefined;
  }

  if (events !== undefined) {
    reader.unknownKeys(events, EVENTS_KEYS, `${path}.events`);
    const error = readQuery(events, 'error_query', `${path}.events`, reader, 'the rate of failed events');
    const total = readQuery(events, 'total_query', `${path}.events`, reader, 'the rate of all events');
    return error === undefined || total === undefined ? undefined : { kind: 'events', error, total };
  }
  if (raw !== undefined) {
    reader.unknownKeys(raw, RAW_KEYS, `${path}.raw`);
    const errorRatio = readQuery(raw, 'error_ratio_query', `${path}.raw`, reader, 'the error ratio from 0 to 1');
    return errorRatio === undefined ? undefined : { kind: 'raw', errorRatio };
  }
  if (plugin === undefined) {
    reader.missing(node, `${path}.events`, 'Add `events` with `error_query` and `total_query`, or `raw` with `error_ratio_query`.');
  }
  return undefined;
}

function readQuery(parent: YamlMap, key: string, parentPath: string, reader: SpecReader, returns: string): SliQuery | undefined {
  const path = `${parentPath}.${key}`;
  const value = reader.string(parent, key, {
    path,
    missingFix: `Add \`${key}\` with a PromQL query that returns ${returns}, using \`{{.window}}\` as the range, such as \`[{{.window}}]\`.`,
  });
  if (value === undefined || value.node.kind !== 'scalar') return undefined;
  return { template: value.value, node: value.node, path };
}

function readAlerting(slo: YamlMap, path: string, reader: SpecReader): SloAlerting | undefined {
  const node = reader.map(slo, 'alerting', {
    path,
    missingFix: 'Add `alerting:` with at least `name`, the name of the burn-rate alerts, such as `name: CheckoutHighErrorRate`.',
  });
  if (node === undefined) return undefined;
  reader.unknownKeys(node, ALERTING_KEYS, path);

  // Sloth rejects a spec without an alert name, so promgate does too rather than invent one.
  const name = reader.string(node, 'name', {
    path: `${path}.name`,
    missingFix: 'Name the burn-rate alerts, such as `name: CheckoutHighErrorRate`.',
  });
  const labels = reader.labels(node, 'labels', { path: `${path}.labels` });
  const annotations = reader.labels(node, 'annotations', { path: `${path}.annotations` });
  const page = readTier(node, 'page_alert', path, reader);
  const ticket = readTier(node, 'ticket_alert', path, reader);
  if (name === undefined) return undefined;
  return { name, labels, annotations, page, ticket };
}

function readTier(alerting: YamlMap, key: string, alertingPath: string, reader: SpecReader): AlertTier {
  const path = `${alertingPath}.${key}`;
  const node = reader.map(alerting, key, { path });
  if (node === undefined) return { disabled: false, disabledNode: undefined, labels: [], annotations: [] };
  reader.unknownKeys(node, TIER_KEYS, path);
  const disable = reader.boolean(node, 'disable', { path: `${path}.disable` });
  return {
    disabled: disable?.value === true,
    disabledNode: disable?.node,
    labels: reader.labels(node, 'labels', { path: `${path}.labels` }),
    annotations: reader.labels(node, 'annotations', { path: `${path}.annotations` }),
  };
}
