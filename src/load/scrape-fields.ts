import { parseConfigDuration } from './duration.js';
import { asMap, asScalar, asSeq, asText, getValue, keyText, mapPairs } from './yaml-access.js';
import type { LabelEntry, ScrapeDocument, ScrapeJob } from './model.js';
import type { YamlMap, YamlNode, YamlScalar } from './yaml-tree.js';

/** One entry of `relabel_configs` or `metric_relabel_configs`, with Prometheus' defaults applied. */
export interface RelabelConfig {
  node: YamlMap;
  /** Lower-cased, as Prometheus reads it; `replace` when unset. */
  action: string;
  sourceLabels: string[];
  separator: string;
  targetLabel: string | undefined;
  targetLabelNode: YamlScalar | undefined;
  regex: string;
  regexNode: YamlScalar | undefined;
  replacement: string;
  replacementNode: YamlScalar | undefined;
}

export interface StaticTargetGroup {
  node: YamlMap;
  targets: { value: string; node: YamlScalar }[];
  labels: LabelEntry[];
}

/** Reads a job's relabel configs; entries that are not mappings are skipped. */
export function relabelConfigs(job: ScrapeJob, key: 'relabel_configs' | 'metric_relabel_configs'): RelabelConfig[] {
  return readRelabelConfigs(getValue(job.node, key));
}

/** Reads a list of relabel configs, such as `write_relabel_configs` of a `remote_write` entry. */
export function readRelabelConfigs(listNode: YamlNode | undefined): RelabelConfig[] {
  const list = asSeq(listNode);
  if (list === undefined) return [];
  const configs: RelabelConfig[] = [];
  for (const item of list.items) {
    const node = asMap(item);
    if (node === undefined) continue;
    const sourceLabels = asSeq(getValue(node, 'source_labels'));
    const targetLabelNode = asScalar(getValue(node, 'target_label'));
    const regexNode = asScalar(getValue(node, 'regex'));
    const replacementNode = asScalar(getValue(node, 'replacement'));
    configs.push({
      node,
      action: (asText(getValue(node, 'action')) ?? 'replace').toLowerCase(),
      sourceLabels: sourceLabels?.items.map((label) => asText(label) ?? '') ?? [],
      separator: asText(getValue(node, 'separator')) ?? ';',
      targetLabel: asText(targetLabelNode),
      targetLabelNode,
      regex: asText(regexNode) ?? '(.*)',
      regexNode,
      replacement: replacementNode === undefined ? '$1' : replacementNode.value,
      replacementNode,
    });
  }
  return configs;
}

/** Reads a job's `static_configs` target groups. */
export function staticConfigs(job: ScrapeJob): StaticTargetGroup[] {
  const list = asSeq(getValue(job.node, 'static_configs'));
  if (list === undefined) return [];
  const groups: StaticTargetGroup[] = [];
  for (const item of list.items) {
    const node = asMap(item);
    if (node === undefined) continue;
    const targets: StaticTargetGroup['targets'] = [];
    for (const target of asSeq(getValue(node, 'targets'))?.items ?? []) {
      const scalar = asScalar(target);
      if (scalar !== undefined) targets.push({ value: scalar.value, node: scalar });
    }
    const labels: LabelEntry[] = [];
    for (const pair of mapPairs(asMap(getValue(node, 'labels')) ?? emptyMap(node))) {
      const keyNode = asScalar(pair.key);
      const valueNode = asScalar(pair.value);
      const name = keyText(pair);
      if (keyNode === undefined || valueNode === undefined || name === undefined) continue;
      labels.push({ name, value: valueNode.value, keyNode, valueNode });
    }
    groups.push({ node, targets, labels });
  }
  return groups;
}

/** Returns the service discovery keys a job uses, such as `kubernetes_sd_configs`. */
export function serviceDiscoveryKeys(job: ScrapeJob): string[] {
  const keys: string[] = [];
  for (const pair of mapPairs(job.node)) {
    const key = keyText(pair);
    if (key !== undefined && key.endsWith('_sd_configs')) keys.push(key);
  }
  return keys;
}

export function isHonorLabels(job: ScrapeJob): boolean {
  return asText(getValue(job.node, 'honor_labels')) === 'true';
}

function emptyMap(at: YamlMap): YamlMap {
  return { kind: 'map', start: at.start, end: at.start, pairs: [], flow: false };
}

/** Prometheus' defaults for `global.scrape_interval` and `global.scrape_timeout`. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 60_000;
export const DEFAULT_SCRAPE_TIMEOUT_MS = 10_000;

export interface EffectiveDuration {
  milliseconds: number;
  /** The scalar that sets the value, or undefined when the value is Prometheus' default. */
  node: YamlScalar | undefined;
  source: 'job' | 'global' | 'default';
}

/** Reads a duration of the `global` section, falling back to Prometheus' default. */
export function globalDuration(document: ScrapeDocument, key: 'scrape_interval' | 'scrape_timeout' | 'evaluation_interval'): EffectiveDuration {
  const node = asScalar(getValue(document.global, key));
  const milliseconds = node === undefined ? undefined : parseConfigDuration(node.value);
  if (node !== undefined && milliseconds !== undefined) return { milliseconds, node, source: 'global' };
  return { milliseconds: key === 'scrape_timeout' ? DEFAULT_SCRAPE_TIMEOUT_MS : DEFAULT_SCRAPE_INTERVAL_MS, node: undefined, source: 'default' };
}

/** Returns a job's scrape interval as Prometheus computes it: the job's own, else the global one. */
export function effectiveScrapeInterval(job: ScrapeJob): EffectiveDuration {
  const node = asScalar(getValue(job.node, 'scrape_interval'));
  const milliseconds = node === undefined ? undefined : parseConfigDuration(node.value);
  if (node !== undefined && milliseconds !== undefined) return { milliseconds, node, source: 'job' };
  return globalDuration(job.document, 'scrape_interval');
}

/**
 * Returns a job's scrape timeout as Prometheus computes it: the job's own;
 * else the global one, capped at the job's interval when it is longer.
 */
export function effectiveScrapeTimeout(job: ScrapeJob): EffectiveDuration {
  const node = asScalar(getValue(job.node, 'scrape_timeout'));
  const milliseconds = node === undefined ? undefined : parseConfigDuration(node.value);
  if (node !== undefined && milliseconds !== undefined) return { milliseconds, node, source: 'job' };
  const global = globalDuration(job.document, 'scrape_timeout');
  const interval = effectiveScrapeInterval(job).milliseconds;
  return global.milliseconds > interval ? { ...global, milliseconds: interval } : global;
}
