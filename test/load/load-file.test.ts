import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/load-file.js';
import type { MonitoringFile } from '../../src/load/model.js';

/** Describes each document as `kind:format:count`, counting rules or scrape jobs. */
function describeDocuments(file: MonitoringFile): string[] {
  return file.documents.map((document) => {
    if (document.kind === 'rules') return `rules:${document.format}:${document.groups.reduce((sum, group) => sum + group.rules.length, 0)}`;
    if (document.kind === 'scrape') return `scrape:${document.format}:${document.jobs.length}`;
    return document.kind;
  });
}

const cases: { name: string; text: string; documents: string[] }[] = [
  { name: 'rule file', text: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n', documents: ['rules:rule-file:1'] },
  { name: 'bare list of groups', text: '- name: g\n  rules:\n    - record: a:b:c\n      expr: up\n', documents: ['rules:group-list:1'] },
  {
    name: 'PrometheusRule',
    text: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up == 0\n',
    documents: ['rules:prometheus-rule:1'],
  },
  {
    name: 'several documents',
    text: '---\ngroups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n---\nkind: ConfigMap\ndata: {}\n---\nscrape_configs:\n  - job_name: x\n',
    documents: ['rules:rule-file:1', 'other', 'scrape:prometheus-config:1'],
  },
  { name: 'prometheus.yml', text: 'global:\n  scrape_interval: 15s\nrule_files: [a.yml]\nscrape_configs:\n  - job_name: a\n  - job_name: b\n', documents: ['scrape:prometheus-config:2'] },
  { name: 'bare list of scrape jobs', text: '- job_name: a\n  static_configs:\n    - targets: [x:1]\n', documents: ['scrape:job-list:1'] },
  { name: 'Alertmanager config', text: 'global:\n  resolve_timeout: 5m\nroute:\n  receiver: x\nreceivers:\n  - name: x\n', documents: ['alertmanager'] },
  { name: 'GitHub workflow', text: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n', documents: ['other'] },
  { name: 'unrelated groups key', text: 'groups:\n  admins: [alice]\n', documents: ['other'] },
  { name: 'scalar document', text: 'just text\n', documents: ['other'] },
];

describe('loadFile', () => {
  it.each(cases)('classifies $name', ({ text, documents }) => {
    expect(describeDocuments(loadFile('x.yml', text))).toEqual(documents);
  });

  it('keeps documents after a broken one', () => {
    const file = loadFile('x.yml', '---\ngroups: [\n---\ngroups:\n  - name: b\n    rules:\n      - alert: B\n        expr: up == 0\n');
    expect(describeDocuments(file)).toEqual(['rules:rule-file:1']);
    expect(file.documents[0]!.yaml.index).toBe(1);
    expect(file.problems.map((problem) => problem.check)).toEqual(['yaml/syntax']);
  });

  it('reads rule fields', () => {
    const file = loadFile(
      'x.yml',
      'groups:\n  - name: g\n    interval: 30s\n    rules:\n      - alert: A\n        expr: |\n          up == 0\n        for: 5m\n        labels:\n          severity: critical\n        annotations:\n          summary: down\n',
    );
    const document = file.documents[0]!;
    if (document.kind !== 'rules') throw new Error('expected rules');
    const group = document.groups[0]!;
    const rule = group.rules[0]!;
    expect(group.interval?.milliseconds).toBe(30_000);
    expect(rule.kind).toBe('alerting');
    expect(rule.expr).toBe('up == 0\n');
    expect(rule.for?.milliseconds).toBe(300_000);
    expect(rule.labels.map((label) => [label.name, label.value])).toEqual([['severity', 'critical']]);
    expect(rule.annotations.map((label) => [label.name, label.value])).toEqual([['summary', 'down']]);
  });

  it('reads external labels', () => {
    const file = loadFile('p.yml', 'global:\n  external_labels:\n    env: prod\nscrape_configs: []\n');
    const document = file.documents[0]!;
    if (document.kind !== 'scrape') throw new Error('expected scrape');
    expect(document.externalLabels.map((label) => [label.name, label.value])).toEqual([['env', 'prod']]);
  });
});

describe('loadFile on the corpus', () => {
  const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
  const directories = ['rules', 'crd', 'scrape', 'alertmanager'];
  const files = directories.flatMap((directory) => fs.readdirSync(path.join(corpus, directory)).map((name) => path.join(directory, name)));

  it.each(files)('%s', (relative) => {
    const file = loadFile(relative, fs.readFileSync(path.join(corpus, relative), 'utf8'));
    const kinds = new Set(file.documents.map((document) => document.kind));
    const directory = relative.split(path.sep)[0];
    const syntaxErrors = file.problems.filter((problem) => problem.check === 'yaml/syntax');
    if (syntaxErrors.length > 0) {
      // The corpus keeps two invalid YAML files on purpose.
      expect(['VictoriaMetrics__VictoriaMetrics__deployment_docker_rules_alerts-vmagent.yaml', 'prometheus-operator__kube-prometheus__examples_alertmanager-config-with-template.yaml']).toContain(path.basename(relative));
      return;
    }
    const expected = { rules: 'rules', crd: 'rules', scrape: 'scrape', alertmanager: 'alertmanager' }[directory!];
    expect([...kinds]).toEqual([expected]);
  });
});
