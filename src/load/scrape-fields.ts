import { asMap, asScalar, asSeq, asText, getValue, keyText, mapPairs } from './yaml-access.js';
import type { LabelEntry, ScrapeJob } from './model.js';
import type { YamlMap, YamlScalar } from './yaml-tree.js';

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
  const list = asSeq(getValue(job.node, key));
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
