import { parseConfigDuration } from './duration.js';
import { asMap, asScalar, asSeq, findPair, isNull, keyText, mapPairs } from './yaml-access.js';
import { describeNode, truncate } from './schema-problems.js';
import { isVendorField } from './vendor-fields.js';
import type { DurationField, LabelEntry, Rule, RuleDocument, RuleGroup, RuleKind } from './model.js';
import type { SchemaProblems } from './schema-problems.js';
import type { YamlMap, YamlNode, YamlScalar } from './yaml-tree.js';

const GROUP_KEYS = ['name', 'interval', 'limit', 'rules'] as const;
const RULE_KEYS = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'] as const;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Reads the groups of a rule document, reporting what Prometheus would reject. */
export function readRuleGroups(document: RuleDocument, groupsNode: YamlNode | undefined, problems: SchemaProblems): void {
  const groups = asSeq(groupsNode);
  if (groups === undefined) {
    if (groupsNode === undefined || isNull(groupsNode)) return;
    if (asMap(groupsNode) !== undefined && findPair(asMap(groupsNode), 'rules') !== undefined) {
      problems.add(groupsNode, '`groups` must be a list of rule groups, got a mapping: the group lacks its `-`, so Prometheus rejects the file.', 'Write the group as a list item: `groups:` then `  - name: ...`.');
    } else {
      problems.wrongType(groupsNode, '`groups`', 'a list of rule groups');
    }
    return;
  }

  const names = new Map<string, YamlScalar>();
  for (const item of groups.items) {
    const node = asMap(item);
    if (node === undefined) {
      problems.wrongType(item, 'A rule group', 'a mapping with `name` and `rules`');
      continue;
    }
    const group = readGroup(document, node, problems);
    document.groups.push(group);

    if (group.nameNode === undefined || group.name === '') continue;
    const first = names.get(group.name);
    if (first === undefined) {
      names.set(group.name, group.nameNode);
    } else {
      problems.add(
        group.nameNode,
        `Duplicate group name \`${group.name}\`; a group with this name starts on line ${problems.line(first.start)}, and Prometheus rejects the file.`,
        'Give each group of a file its own name, or merge the two groups.',
      );
    }
  }
}

function readGroup(document: RuleDocument, node: YamlMap, problems: SchemaProblems): RuleGroup {
  problems.unknownKeys(node, GROUP_KEYS, 'a rule group', (key) => isVendorField('group', key));

  const namePair = findPair(node, 'name');
  const nameNode = asScalar(namePair?.value);
  const name = nameNode !== undefined && !isNull(nameNode) ? nameNode.value : '';
  if (namePair === undefined) {
    problems.add(node, 'A rule group has no `name`.', 'Add `name:` with a name unique in this file.');
  } else if (nameNode === undefined) {
    problems.wrongType(namePair.value, 'The group `name`', 'a string');
  } else if (name === '') {
    problems.add(namePair.key, 'The group `name` is empty.', 'Give the group a name unique in this file.');
  }

  const where = name === '' ? 'the group' : `group \`${name}\``;
  const interval = readDuration(node, 'interval', where, problems);

  const limitPair = findPair(node, 'limit');
  if (limitPair !== undefined) {
    const limit = asScalar(limitPair.value);
    if (limit === undefined || limit.style !== 'plain' || !/^\d+$/.test(limit.value)) {
      problems.wrongType(limitPair.value, `\`limit\` of ${where}`, 'a whole number');
    }
  }

  const group: RuleGroup = { document, node, name, nameNode, interval, rules: [], rulesNode: undefined };
  const rulesPair = findPair(node, 'rules');
  if (rulesPair === undefined) return group;
  const rules = asSeq(rulesPair.value);
  if (rules === undefined) {
    if (!isNull(rulesPair.value)) problems.wrongType(rulesPair.value, `\`rules\` of ${where}`, 'a list of rules');
    return group;
  }
  group.rulesNode = rules;
  for (const item of rules.items) {
    const ruleNode = asMap(item);
    if (ruleNode === undefined) {
      problems.wrongType(item, `A rule of ${where}`, 'a mapping with `record` or `alert`, and `expr`');
      continue;
    }
    const rule = readRule(group, ruleNode, problems);
    if (rule !== undefined) group.rules.push(rule);
  }
  return group;
}

function readRule(group: RuleGroup, node: YamlMap, problems: SchemaProblems): Rule | undefined {
  const recordPair = findPair(node, 'record');
  const alertPair = findPair(node, 'alert');
  const record = asScalar(recordPair?.value);
  const alert = asScalar(alertPair?.value);
  const hasRecord = record !== undefined && !isNull(record) && record.value !== '';
  const hasAlert = alert !== undefined && !isNull(alert) && alert.value !== '';

  if (recordPair !== undefined && record === undefined) problems.wrongType(recordPair.value, '`record`', 'a metric name');
  if (alertPair !== undefined && alert === undefined) problems.wrongType(alertPair.value, '`alert`', 'an alert name');

  let kind: RuleKind;
  let nameNode: YamlScalar;
  if (hasRecord && hasAlert) {
    problems.add(
      alertPair!.key,
      `A rule sets both \`record: ${record!.value}\` and \`alert: ${alert!.value}\`; Prometheus requires exactly one.`,
      'Split it into a recording rule and an alerting rule.',
    );
    kind = 'recording';
    nameNode = record!;
  } else if (hasRecord) {
    kind = 'recording';
    nameNode = record!;
  } else if (hasAlert) {
    kind = 'alerting';
    nameNode = alert!;
  } else {
    const anchor = recordPair?.key ?? alertPair?.key ?? node;
    problems.add(anchor, 'A rule has neither `record` nor `alert`; Prometheus requires one of them.', 'Add `record: <metric name>` or `alert: <alert name>`.');
    return undefined;
  }

  const name = nameNode.value;
  const where = kind === 'recording' ? `recording rule \`${name}\`` : `alert \`${name}\``;
  problems.unknownKeys(node, RULE_KEYS, where, (key) => isVendorField('rule', key));

  if (kind === 'recording' && !METRIC_NAME.test(name)) {
    problems.add(
      nameNode,
      `\`${truncate(name)}\` is not a valid metric name, so Prometheus rejects the recording rule.`,
      'Use letters, digits, `_` and `:` only, not starting with a digit, such as `job:http_requests:rate5m`.',
    );
  }

  const exprPair = findPair(node, 'expr');
  let exprNode: YamlScalar | undefined;
  if (exprPair === undefined) {
    problems.add(nameNode, `The ${where} has no \`expr\`.`, 'Add `expr:` with the PromQL expression to evaluate.');
  } else {
    exprNode = asScalar(exprPair.value);
    if (exprNode === undefined) {
      problems.wrongType(exprPair.value, `\`expr\` of ${where}`, 'a PromQL expression string');
    } else if (isNull(exprNode) || exprNode.value.trim() === '') {
      problems.add(exprPair.key, `The \`expr\` of ${where} is empty.`, 'Write the PromQL expression to evaluate.');
      exprNode = undefined;
    }
  }

  const forField = readDuration(node, 'for', where, problems);
  const keepFiringFor = readDuration(node, 'keep_firing_for', where, problems);
  const labels = readLabelMap(node, 'labels', where, problems);
  const annotations = readLabelMap(node, 'annotations', where, problems);

  if (kind === 'recording') {
    for (const key of ['for', 'keep_firing_for', 'annotations'] as const) {
      const pair = findPair(node, key);
      if (pair === undefined) continue;
      problems.add(
        pair.key,
        `\`${key}\` is not allowed in ${where}; Prometheus accepts it only in alerting rules.`,
        key === 'annotations' ? 'Remove `annotations`, or make the rule an alert.' : `Remove \`${key}\`.`,
      );
    }
  }

  return {
    group,
    node,
    kind,
    name,
    nameNode,
    expr: exprNode?.value ?? '',
    exprNode,
    for: forField,
    keepFiringFor,
    labels,
    annotations,
  };
}

function readDuration(node: YamlMap, key: string, where: string, problems: SchemaProblems): DurationField | undefined {
  const pair = findPair(node, key);
  if (pair === undefined || isNull(pair.value)) return undefined;
  const scalar = asScalar(pair.value);
  if (scalar === undefined) {
    problems.wrongType(pair.value, `\`${key}\` of ${where}`, 'a duration such as `5m`');
    return undefined;
  }
  const milliseconds = parseConfigDuration(scalar.value);
  if (milliseconds === undefined) {
    problems.add(
      scalar,
      `\`${key}: ${truncate(scalar.value)}\` of ${where} is not a valid duration (or longer than Prometheus' limit of about 292 years), so Prometheus rejects the file.`,
      'Write a number followed by a unit (`ms`, `s`, `m`, `h`, `d`, `w`, `y`), such as `5m` or `1h30m`.',
    );
  }
  return { text: scalar.value, milliseconds, node: scalar };
}

/** Reads `labels` or `annotations`: a mapping of label names to string values. */
export function readLabelMap(node: YamlMap, key: string, where: string, problems: SchemaProblems): LabelEntry[] {
  const pair = findPair(node, key);
  if (pair === undefined || isNull(pair.value)) return [];
  const map = asMap(pair.value);
  if (map === undefined) {
    problems.wrongType(pair.value, `\`${key}\` of ${where}`, 'a mapping of names to values');
    return [];
  }

  const entries: LabelEntry[] = [];
  for (const entry of mapPairs(map)) {
    const keyNode = asScalar(entry.key);
    const name = keyText(entry);
    if (keyNode === undefined || name === undefined) {
      problems.wrongType(entry.key, `A key of \`${key}\``, 'a name');
      continue;
    }
    const what = key === 'labels' ? 'label' : 'annotation';
    if (!LABEL_NAME.test(name) || (key === 'labels' && name === '__name__')) {
      problems.add(
        keyNode,
        `\`${truncate(name)}\` is not a valid ${what} name in ${where}, so Prometheus rejects the rule.`,
        name === '__name__' ? 'Remove `__name__`; a rule cannot rename its series this way.' : 'Use letters, digits and `_` only, not starting with a digit.',
      );
    }
    const valueNode = asScalar(entry.value);
    if (valueNode === undefined) {
      problems.add(entry.value, `The ${what} \`${name}\` of ${where} must be a string, got ${describeNode(entry.value)}.`, 'Write the value as a string.');
      continue;
    }
    entries.push({ name, value: isNull(valueNode) ? '' : valueNode.value, keyNode, valueNode });
  }
  return entries;
}
