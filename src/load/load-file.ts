import { readControlComments } from './control-comments.js';
import { readRuleGroups } from './rule-document.js';
import { readScrapeDocument } from './scrape-document.js';
import { reportDuplicateKeys, SchemaProblems } from './schema-problems.js';
import { SourceFile } from './source-file.js';
import { asMap, asScalar, asSeq, findPair, getText, getValue, isNull, keyText } from './yaml-access.js';
import { parseYaml } from './yaml-tree.js';
import type { MonitoringDocument, MonitoringFile, RuleDocument, ScrapeDocument } from './model.js';
import type { YamlDocument, YamlMap, YamlNode, YamlSeq } from './yaml-tree.js';

/** Top-level keys only a Prometheus server config has; Alertmanager's config has none of them. */
const PROMETHEUS_ONLY_KEYS = ['rule_files', 'scrape_config_files', 'alerting', 'remote_write', 'remote_read', 'storage', 'otlp', 'runtime'];

/** Keys of `global` only a Prometheus server config has. */
const PROMETHEUS_GLOBAL_KEYS = ['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'external_labels', 'query_log_file', 'rule_query_offset'];

function isPrometheusConfig(root: YamlMap): boolean {
  if (root.pairs.some((pair) => PROMETHEUS_ONLY_KEYS.includes(keyText(pair) ?? ''))) return true;
  const global = asMap(getValue(root, 'global'));
  return global !== undefined && global.pairs.some((pair) => PROMETHEUS_GLOBAL_KEYS.includes(keyText(pair) ?? ''));
}

/**
 * Parses a file and classifies each of its YAML documents by content: rule
 * files, bare lists of rule groups, `PrometheusRule` objects, Prometheus
 * server configs and bare lists of scrape jobs. Other documents are kept as
 * `other` and never produce findings.
 */
export function loadFile(path: string, text: string): MonitoringFile {
  const file: MonitoringFile = { path, source: new SourceFile(path, text), documents: [], problems: [], controls: { comments: [], problems: [] } };
  const parsed = parseYaml(text);
  for (const error of parsed.errors) {
    file.problems.push({
      check: 'yaml/syntax',
      start: error.offset,
      end: error.offset,
      message: `Invalid YAML: ${error.message}.`,
      fix: 'Fix the YAML syntax; promgate reads nothing else from this part of the file.',
    });
  }

  const problems = new SchemaProblems(file.source, file.problems);
  for (const yaml of parsed.documents) {
    const document = classifyDocument(file, yaml, problems);
    file.documents.push(document);
    if (document.kind === 'rules' || document.kind === 'scrape' || document.kind === 'slo') reportDuplicateKeys(yaml.root, problems);
  }
  file.controls = readControlComments(file);
  return file;
}

function classifyDocument(file: MonitoringFile, yaml: YamlDocument, problems: SchemaProblems): MonitoringDocument {
  const map = asMap(yaml.root);
  if (map !== undefined) return classifyMap(file, yaml, map, problems);
  const seq = asSeq(yaml.root);
  if (seq !== undefined) return classifySeq(file, yaml, seq, problems);
  return { kind: 'other', file, yaml };
}

function classifyMap(file: MonitoringFile, yaml: YamlDocument, root: YamlMap, problems: SchemaProblems): MonitoringDocument {
  const kind = getText(root, 'kind');
  // The SLO readers in src/slo validate specs; here they are only recognised, by the same keys.
  if (getText(root, 'version') === 'prometheus/v1') return { kind: 'slo', format: 'prometheus/v1', file, yaml };
  if (getText(root, 'apiVersion') === 'openslo/v1' && kind === 'SLO') return { kind: 'slo', format: 'openslo/v1', file, yaml };
  if (kind === 'PrometheusRule') {
    const spec = asMap(getValue(root, 'spec'));
    const document = ruleDocument(file, yaml, 'prometheus-rule', spec);
    const name = getText(asMap(getValue(root, 'metadata')), 'name');
    if (name !== undefined) document.resourceName = name;
    const groupsNode = getValue(spec, 'groups');
    if (spec !== undefined) problems.unknownKeys(spec, ['groups'], 'the `spec` of a `PrometheusRule`');
    readRuleGroups(document, groupsNode, problems);
    if (document.groups.length === 0 && !hasProblemsInside(file, root)) {
      reportEmpty(file, spec ?? root, `The \`PrometheusRule\`${name === undefined ? '' : ` \`${name}\``} defines no rule groups in \`spec.groups\`.`);
    }
    return document;
  }

  const groups = findPair(root, 'groups');
  if (groups !== undefined && looksLikeGroups(groups.value, root)) {
    const document = ruleDocument(file, yaml, 'rule-file', root);
    problems.unknownKeys(root, ['groups'], 'a rule file');
    readRuleGroups(document, groups.value, problems);
    if (document.groups.length === 0 && !hasProblemsInside(file, root)) {
      reportEmpty(file, groups.key, 'The rule file defines no rule groups under `groups`.');
    }
    return document;
  }

  const jobs = findPair(root, 'scrape_configs');
  if (jobs === undefined && findPair(root, 'route') !== undefined && findPair(root, 'receivers') !== undefined) {
    return { kind: 'alertmanager', file, yaml };
  }
  if (jobs !== undefined || isPrometheusConfig(root)) {
    const document = scrapeDocument(file, yaml, 'prometheus-config', root);
    readScrapeDocument(document, jobs?.value, problems);
    if (jobs !== undefined && document.jobs.length === 0 && !hasProblemsInside(file, root)) {
      reportEmpty(file, jobs.key, 'The Prometheus configuration lists no scrape jobs under `scrape_configs`.');
    }
    return document;
  }

  return { kind: 'other', file, yaml };
}

function classifySeq(file: MonitoringFile, yaml: YamlDocument, root: YamlSeq, problems: SchemaProblems): MonitoringDocument {
  const first = asMap(root.items[0]);
  if (first === undefined) return { kind: 'other', file, yaml };
  if (findPair(first, 'job_name') !== undefined) {
    const document = scrapeDocument(file, yaml, 'job-list', root);
    readScrapeDocument(document, root, problems);
    return document;
  }
  if (findPair(first, 'rules') !== undefined && findPair(first, 'name') !== undefined) {
    const document = ruleDocument(file, yaml, 'group-list', undefined);
    readRuleGroups(document, root, problems);
    return document;
  }
  return { kind: 'other', file, yaml };
}

/**
 * Tells rule groups from other data under a `groups` key: an empty list, a
 * list with at least one mapping that has `name` or `rules`, a single group
 * written as a mapping with `rules` (a missing `-`), or a scalar when
 * `groups` is the document's only key, as in a broken rule file.
 */
function looksLikeGroups(node: YamlNode, root: YamlMap): boolean {
  if (isNull(node)) return true;
  const map = asMap(node);
  if (map !== undefined) return findPair(map, 'rules') !== undefined;
  const seq = asSeq(node);
  if (seq === undefined) return root.pairs.length === 1;
  if (seq.items.length === 0) return true;
  return seq.items.some((item) => {
    const group = asMap(item);
    return group !== undefined && (findPair(group, 'rules') !== undefined || findPair(group, 'name') !== undefined);
  });
}

function ruleDocument(file: MonitoringFile, yaml: YamlDocument, format: RuleDocument['format'], groupsParent: YamlMap | undefined): RuleDocument {
  return { kind: 'rules', file, yaml, format, groupsParent, groups: [] };
}

function scrapeDocument(file: MonitoringFile, yaml: YamlDocument, format: ScrapeDocument['format'], root: YamlMap | YamlSeq): ScrapeDocument {
  const global = root.kind === 'map' ? asMap(getValue(root, 'global')) : undefined;
  return { kind: 'scrape', file, yaml, format, root, global, externalLabels: [], jobs: [] };
}

function reportEmpty(file: MonitoringFile, node: YamlNode, message: string): void {
  file.problems.push({
    check: 'yaml/empty',
    start: node.start,
    end: node.end,
    message,
    fix: 'Add the missing entries, or delete the file if it is no longer used.',
  });
}

function hasProblemsInside(file: MonitoringFile, node: YamlNode): boolean {
  return file.problems.some((problem) => problem.start >= node.start && problem.end <= node.end);
}
