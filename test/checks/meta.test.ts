import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { lint } from '../../src/lint.js';
import { checkOptions } from './harness.js';
import type { Policy } from '../../src/policy/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const HEADINGS = ['## What it flags and why', '## Bad example', '## Good example', '## Options', '## How to disable'];

describe('check registry', () => {
  it('is sorted with unique ids', () => {
    const ids = CHECKS.map((check) => check.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s lives at its id', async (id, check) => {
    const module = (await import(path.join(root, 'src/checks', `${id}.ts`))) as { default: unknown };
    expect(module.default).toBe(check);
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s has a docs page', (id, check) => {
    const page = path.join(root, 'docs/checks', `${id}.md`);
    expect(fs.existsSync(page), `missing ${page}`).toBe(true);
    const text = fs.readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    expect(text).toContain(check.description);
    const positions = HEADINGS.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s has a description starting with a verb', (_id, check) => {
    expect(check.description).toMatch(/^(Require|Disallow|Enforce|Report) /);
  });
});

/** Inputs that stress the checks: broken YAML, broken PromQL, odd shapes. */
const BROKEN_INPUTS: Record<string, string> = {
  'syntax.yml': 'groups: [\n  - name: "x\n',
  'tabs.yml': 'groups:\n\t- name: g\n',
  'promql.yml': [
    'groups:',
    '  - name: g',
    '    rules:',
    '      - alert: A',
    '        expr: sum(rate(x[5m]) by (',
    '      - record: a:b:c',
    '        expr: "{}"',
    '      - record: d:e:f',
    '        expr: histogram_quantile(x)',
    '      - alert: B',
    '        expr: label_replace(up, 1, 2)',
    '        labels: { severity: [x], env: {a: b} }',
    '        annotations: "text"',
    '      - alert: C',
    '        expr: ((((((((((up))))))))))[5m] offset',
    '      - {}',
    '      - []',
    '      - "string"',
    '      - alert: D',
    '        expr: 1 +',
    '        for: forever',
    '',
  ].join('\n'),
  'shapes.yml': 'groups:\n  - name: []\n    interval: {}\n    rules: 5\n  - 7\n  - null\n',
  'prometheus.yml': [
    'global: []',
    'scrape_configs:',
    '  - job_name: [a]',
    '    static_configs: {targets: 5}',
    '    relabel_configs: [5, {action: [x]}, {regex: "(", target_label: {}}]',
    '  - null',
    '  - job_name: b',
    '    params: {"match[]": ["{", 5]}',
    '    metrics_path: /federate',
    '    scrape_interval: []',
    '    basic_auth: {password: [x]}',
    '',
  ].join('\n'),
  'jobs.yml': '- job_name: x\n  kubernetes_sd_configs: 5\n  relabel_configs: {}\n',
  'crd.yml': 'kind: PrometheusRule\nspec: 5\n---\nkind: PrometheusRule\nspec:\n  groups: {a: b}\n',
  'deep.yml': `groups:\n  - name: g\n    rules:\n      - alert: Deep\n        expr: ${'('.repeat(2000)}up${')'.repeat(2000)}\n`,
  'comments.yml': '# promgate disable\n# promgate file/disable ,,, -- \ngroups: []\n',
};

describe('every check on broken input', () => {
  it('reports findings and never fails', () => {
    const policy: Policy = {
      failOn: 'error',
      include: [],
      exclude: [],
      checks: Object.fromEntries(CHECKS.map((check) => [check.id, { enabled: true, severity: check.severity, options: checkOptions(check) as Record<string, unknown> }])),
    };
    const result = lint({ files: Object.entries(BROKEN_INPUTS).map(([file, text]) => ({ path: file, text })), policy });
    const crashes = result.findings.filter((finding) => finding.message.includes('This is a bug in promgate'));
    expect(crashes.map((finding) => `${finding.check}: ${finding.message}`)).toEqual([]);
    const checks = new Set(result.findings.map((finding) => finding.check));
    for (const id of ['yaml/syntax', 'yaml/schema', 'promql/syntax', 'scrape/config', 'promgate/comment']) expect(checks).toContain(id);
  });
});

describe('checks index', () => {
  it('lists every check with its severity and description', () => {
    const index = fs.readFileSync(path.join(root, 'docs/checks/README.md'), 'utf8');
    for (const check of CHECKS) expect(index).toContain(`| [\`${check.id}\`](${check.id}.md) | \`${check.severity}\` | ${check.description} |`);
  });
});
