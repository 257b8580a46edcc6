import { LABEL_NAME } from '../../load/rule-document.js';
import { describeNode } from '../../load/schema-problems.js';
import { asMap, asScalar, asSeq, findPair, getValue, isNull, keyText, mapPairs } from '../../load/yaml-access.js';
import type { ScrapeJob } from '../../load/model.js';
import type { YamlNode } from '../../load/yaml-tree.js';

export interface ShapeProblem {
  node: YamlNode;
  message: string;
  fix: string;
}

const BOOLEAN_KEYS = ['honor_labels', 'honor_timestamps', 'track_timestamps_staleness', 'follow_redirects', 'enable_http2', 'enable_compression'];
const LIST_KEYS = ['static_configs', 'relabel_configs', 'metric_relabel_configs'];
/** Prometheus accepts at most one way to authenticate a scrape. */
const AUTH_KEYS = ['basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file'];
const STATIC_CONFIG_KEYS = ['targets', 'labels'];

/**
 * Returns the problems in a scrape job's shape that make Prometheus reject
 * the configuration: values of the wrong type, more than one way to
 * authenticate, static targets that are URLs rather than `host:port`, and
 * unknown keys or invalid label names in static target groups.
 */
export function findJobShapeProblems(job: ScrapeJob): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const where = `scrape job \`${job.name}\``;

  for (const key of BOOLEAN_KEYS) {
    const value = getValue(job.node, key);
    const scalar = asScalar(value);
    if (value === undefined || isNull(value) || (scalar !== undefined && scalar.style === 'plain' && /^(?:true|false|yes|no|on|off)$/i.test(scalar.value))) continue;
    problems.push({ node: value, message: `\`${key}\` of ${where} must be \`true\` or \`false\`, got ${describeNode(value)}.`, fix: `Write \`${key}: true\` or \`${key}: false\`.` });
  }

  for (const key of LIST_KEYS) {
    const value = getValue(job.node, key);
    if (value === undefined || isNull(value)) continue;
    const list = asSeq(value);
    if (list === undefined) {
      problems.push({ node: value, message: `\`${key}\` of ${where} must be a list, got ${describeNode(value)}.`, fix: `Write each entry of \`${key}\` as a list item starting with \`-\`.` });
      continue;
    }
    for (const item of list.items) {
      if (asMap(item) === undefined) problems.push({ node: item, message: `An entry of \`${key}\` of ${where} must be a mapping, got ${describeNode(item)}.`, fix: 'Remove the entry or write it as a mapping.' });
    }
  }

  const params = getValue(job.node, 'params');
  if (params !== undefined && !isNull(params) && asMap(params) === undefined) {
    problems.push({ node: params, message: `\`params\` of ${where} must be a mapping of parameter names to lists of values, got ${describeNode(params)}.`, fix: "Write it as `params: { 'match[]': ['{job=\"api\"}'] }`." });
  }

  const auth = AUTH_KEYS.map((key) => findPair(job.node, key)).filter((pair) => pair !== undefined && !isNull(pair.value));
  const authMethods = new Set(auth.map((pair) => (keyText(pair!)?.startsWith('bearer_token') === true ? 'authorization' : keyText(pair!))));
  if (authMethods.size > 1) {
    const names = auth.map((pair) => `\`${keyText(pair!)}\``).join(', ');
    problems.push({ node: auth[1]!.key, message: `${where[0]!.toUpperCase()}${where.slice(1)} sets ${names}; Prometheus accepts at most one way to authenticate.`, fix: 'Keep one of them.' });
  }

  for (const item of asSeq(getValue(job.node, 'static_configs'))?.items ?? []) {
    const group = asMap(item);
    if (group === undefined) continue;
    for (const pair of mapPairs(group)) {
      const key = keyText(pair);
      if (key === undefined || STATIC_CONFIG_KEYS.includes(key)) continue;
      problems.push({
        node: pair.key,
        message: `Unknown key \`${key}\` in a static target group of ${where}.`,
        fix: key === 'target' ? 'Rename `target` to `targets`.' : 'A static target group takes only `targets` and `labels`.',
      });
    }
    for (const target of asSeq(getValue(group, 'targets'))?.items ?? []) {
      const scalar = asScalar(target);
      if (scalar === undefined || !/:\/\/|\//.test(scalar.value)) continue;
      problems.push({
        node: scalar,
        message: `\`${scalar.value}\` in \`targets\` of ${where} is a URL, but a target is \`host:port\`.`,
        fix: 'Write only `host:port`, and set the job\'s `scheme` and `metrics_path` for the rest of the URL.',
      });
    }
    for (const pair of mapPairs(asMap(getValue(group, 'labels')) ?? { kind: 'map', start: 0, end: 0, pairs: [], flow: false })) {
      const name = keyText(pair);
      if (name === undefined || LABEL_NAME.test(name)) continue;
      problems.push({ node: pair.key, message: `\`${name}\` in \`labels\` of ${where} is not a valid label name.`, fix: 'Use letters, digits and `_` only, not starting with a digit.' });
    }
  }
  return problems;
}
