import type { ControlComments } from './control-comments.js';
import type { SourceFile } from './source-file.js';
import type { YamlDocument, YamlMap, YamlNode, YamlScalar, YamlSeq } from './yaml-tree.js';

/** A problem found while reading a file, reported under a `yaml/*` check id. */
export interface LoadProblem {
  check: 'yaml/syntax' | 'yaml/schema' | 'yaml/empty';
  start: number;
  end: number;
  message: string;
  fix?: string;
  /** Overrides the check's severity, for problems Prometheus tolerates. */
  severity?: 'error' | 'warning' | 'info';
}

/** A file that was read and classified, whether or not it held monitoring config. */
export interface MonitoringFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  source: SourceFile;
  documents: MonitoringDocument[];
  problems: LoadProblem[];
  /** `# promgate disable` comments and the problems found in them. */
  controls: ControlComments;
}

export type MonitoringDocument = RuleDocument | ScrapeDocument | SloDocument | OtherDocument;

interface DocumentBase {
  file: MonitoringFile;
  yaml: YamlDocument;
}

/**
 * `rule-file` is a Prometheus rule file (`groups:`), `group-list` a bare list
 * of groups, and `prometheus-rule` a Kubernetes `PrometheusRule` object.
 */
export type RuleDocumentFormat = 'rule-file' | 'group-list' | 'prometheus-rule';

export interface RuleDocument extends DocumentBase {
  kind: 'rules';
  format: RuleDocumentFormat;
  /** The node that contains `groups`: the root, or `spec` for a `PrometheusRule`. */
  groupsParent: YamlMap | undefined;
  groups: RuleGroup[];
  /** `metadata.name` of a Kubernetes object. */
  resourceName?: string;
}

/** `prometheus-config` is a `prometheus.yml`; `job-list` a bare list of scrape jobs. */
export type ScrapeDocumentFormat = 'prometheus-config' | 'job-list';

export interface ScrapeDocument extends DocumentBase {
  kind: 'scrape';
  format: ScrapeDocumentFormat;
  root: YamlMap | YamlSeq;
  global: YamlMap | undefined;
  externalLabels: LabelEntry[];
  jobs: ScrapeJob[];
}

/** An SLO spec: Sloth's `prometheus/v1` or OpenSLO's `openslo/v1` `kind: SLO`. */
export interface SloDocument extends DocumentBase {
  kind: 'slo';
  format: 'prometheus/v1' | 'openslo/v1';
}

/** A document promgate does not lint, such as an Alertmanager config. */
export interface OtherDocument extends DocumentBase {
  kind: 'alertmanager' | 'other';
}

export interface DurationField {
  text: string;
  /** The duration in milliseconds, or undefined when the text is not a valid duration. */
  milliseconds: number | undefined;
  node: YamlScalar;
}

export interface LabelEntry {
  name: string;
  value: string;
  keyNode: YamlScalar;
  valueNode: YamlScalar;
}

export interface RuleGroup {
  document: RuleDocument;
  node: YamlMap;
  name: string;
  nameNode: YamlScalar | undefined;
  interval: DurationField | undefined;
  rules: Rule[];
  /** The `rules` sequence, or undefined when the key is missing. */
  rulesNode: YamlSeq | undefined;
}

export type RuleKind = 'alerting' | 'recording';

export interface Rule {
  group: RuleGroup;
  node: YamlMap;
  kind: RuleKind;
  /** The alert name or the recorded metric name. */
  name: string;
  nameNode: YamlScalar;
  expr: string;
  /** The `expr` scalar, or undefined when the key is missing or not a string. */
  exprNode: YamlScalar | undefined;
  for: DurationField | undefined;
  keepFiringFor: DurationField | undefined;
  labels: LabelEntry[];
  annotations: LabelEntry[];
}

export interface ScrapeJob {
  document: ScrapeDocument;
  node: YamlMap;
  name: string;
  nameNode: YamlScalar | undefined;
}

export function isRuleDocument(document: MonitoringDocument): document is RuleDocument {
  return document.kind === 'rules';
}

export function isScrapeDocument(document: MonitoringDocument): document is ScrapeDocument {
  return document.kind === 'scrape';
}

/** Returns a node's range, for findings about the node as a whole. */
export function nodeRange(node: YamlNode): { start: number; end: number } {
  return { start: node.start, end: node.end };
}
