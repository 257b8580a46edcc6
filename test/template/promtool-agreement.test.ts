// Compares promgate's template verdict for each alerting rule with the real
// promtool: every alerting rule of the shared corpus (rule files and the
// `spec` of PrometheusRule objects), the same rules with typical mistakes
// put in, and every template of the unit tables.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_NESTING } from '../../src/template/parse-template.js';
import { NEWER_FEATURES, parseAlertTemplate } from '../../src/template/prometheus-template.js';
import { INVALID, VALID } from './template-cases.js';

const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const RULES_PER_GROUP = 50;

interface AlertRule {
  source: string;
  alert: string;
  /** Label and annotation values, keyed `label "name"` or `annotation "name"` as promtool prints them. */
  templates: Map<string, string>;
}

/** Templates that probe corners the unit tables do not reach. */
const EDGE_CASES: string[] = [
  '{{ $labels.job }}\n{{ if }}',
  '{{ range $i, }}{{ end }}',
  '{{ range $i, $v }}{{ end }}',
  '{{ if 1 }}{{ else }}{{ else if 1 }}{{ end }}',
  '{{ if 1 }}{{ end x }}',
  '{{ if 1 }}{{ else x }}{{ end }}',
  '{{ $x, $y := 1 }}',
  '{{ printf "a" = 1 }}',
  '{{ "a""b" }}',
  '{{ printf(1) }}',
  '{{ _1 }}',
  '{{ 1_ }}',
  '{{ 0b1.1 }}',
  '{{ 019 }}',
  '{{ 0x1p1024 }}',
  '{{ 0_i }}',
  '{{ 1 - }}',
  '{{ - 1 }}',
  '{{{{ 1 }}',
  '}}',
  '{{ "}}" }}',
  "{{ '}' }}",
  '{{ $é }}',
  '{{ é }}',
  '{{ define "a" }}x{{ end }}{{ define "a" }}{{/* c */}}{{ end }}',
  '{{ define "a" }}x{{ end }}{{ block "a" . }}y{{ end }}',
  '{{ define "a\\q" }}{{ end }}',
  '{{ $labels.x }}{{ 1 -}}',
  '{{/* a */-}}',
  '{{ .. }}',
  '{{ $x.5 }}',
];

/** Templates promgate accepts on purpose although promtool 2.42 rejects them, one per entry of NEWER_FEATURES. */
const NEWER_CASES: string[] = ['{{ now }}', '{{ toDuration 60 }}', '{{ urlQueryEscape "a b" }}', '{{ with 1 }}{{ else with 2 }}{{ end }}'];

/** Valid in Go, where nesting has no limit, but deeper than promgate reads. */
const LIMIT_CASES: string[] = [`{{ ${'('.repeat(MAX_TEMPLATE_NESTING + 1)}1${')'.repeat(MAX_TEMPLATE_NESTING + 1)} }}`];

function promtoolVersion(): string {
  const run = spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) {
    throw new Error(
      `promtool is not installed or failed to run (${run.error?.message ?? `exit ${run.status}`}); the template agreement test needs it. Install it with \`apt-get install prometheus\` or set PROMTOOL to its path.`,
    );
  }
  return (run.stdout + run.stderr).split('\n')[0] ?? '';
}

function groupsOf(document: unknown): unknown[] {
  const record = (typeof document === 'object' && document !== null ? document : {}) as { groups?: unknown; spec?: { groups?: unknown } };
  const groups = record.groups ?? record.spec?.groups;
  return Array.isArray(groups) ? groups : [];
}

function stringEntries(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).map(([name, text]) => [name, String(text)]);
}

/** Reads the alerting rules of rule files and of PrometheusRule objects. */
function loadCorpusAlerts(): AlertRule[] {
  const alerts: AlertRule[] = [];
  for (const subdir of ['rules', 'crd']) {
    const dir = join(CORPUS_DIR, subdir);
    for (const name of readdirSync(dir).sort()) {
      let documents: unknown[];
      try {
        documents = loadAll(readFileSync(join(dir, name), 'utf8'));
      } catch {
        continue;
      }
      for (const group of documents.flatMap(groupsOf)) {
        const rules = (group as { rules?: unknown }).rules;
        for (const rule of Array.isArray(rules) ? (rules as Record<string, unknown>[]) : []) {
          if (typeof rule?.alert !== 'string') continue;
          const templates = new Map<string, string>();
          for (const [label, text] of stringEntries(rule.labels)) templates.set(`label "${label}"`, text);
          for (const [annotation, text] of stringEntries(rule.annotations)) templates.set(`annotation "${annotation}"`, text);
          alerts.push({ source: `${subdir}/${name}`, alert: rule.alert, templates });
        }
      }
    }
  }
  return alerts;
}

/**
 * Breaks corpus templates the way people do: a misspelt `$labels`, a lost
 * closing `}}`, a dropped `{{ end }}`, a misspelt function, so the
 * comparison also covers realistic templates that promtool rejects.
 */
function mutatedAlerts(corpus: readonly AlertRule[]): AlertRule[] {
  const mutations: [name: string, mutate: (text: string) => string][] = [
    ['label typo', (text) => text.replace('$labels', '$label')],
    ['lost close', (text) => text.replace(/\}\}(?![\s\S]*\}\})/, '')],
    ['lost end', (text) => text.replace(/\{\{-?\s*end\s*-?\}\}/, '')],
    ['function typo', (text) => text.replace(/\bhumanize\b/, 'humanise').replace(/\bprintf\b/, 'printff')],
  ];
  const alerts: AlertRule[] = [];
  for (const alert of corpus) {
    for (const [name, mutate] of mutations) {
      const templates = new Map([...alert.templates].map(([key, text]) => [key, mutate(text)]));
      if ([...templates].every(([key, text]) => alert.templates.get(key) === text)) continue;
      alerts.push({ source: `${alert.source} (${name})`, alert: alert.alert, templates });
    }
  }
  return alerts;
}

function fixtureAlerts(templates: readonly string[]): AlertRule[] {
  return templates.map((text, index) => ({ source: 'fixture', alert: `Fixture${index}`, templates: new Map([['annotation "summary"', text]]) }));
}

/**
 * Writes every rule into one file, `RULES_PER_GROUP` rules per group, with
 * `up` as the expression so only templates can fail, runs promtool once and
 * returns its first error per rule, or undefined when it accepted the rule.
 */
function promtoolVerdicts(alerts: readonly AlertRule[]): (string | undefined)[] {
  const dir = mkdtempSync(join(tmpdir(), 'promgate-templates-'));
  try {
    const lines = ['groups:'];
    alerts.forEach((alert, index) => {
      if (index % RULES_PER_GROUP === 0) lines.push(`  - name: g${index / RULES_PER_GROUP}`, '    rules:');
      lines.push(`      - alert: ${JSON.stringify(alert.alert)}`, '        expr: up');
      for (const kind of ['label', 'annotation']) {
        const entries = [...alert.templates].filter(([key]) => key.startsWith(kind));
        if (entries.length === 0) continue;
        lines.push(`        ${kind}s:`);
        for (const [key, text] of entries) lines.push(`          ${JSON.stringify(key.slice(kind.length + 2, -1))}: ${JSON.stringify(text)}`);
      }
    });
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const run = spawnSync(PROMTOOL, ['check', 'rules', '--lint=none', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error !== undefined) throw run.error;
    const output = `${run.stdout}\n${run.stderr}`;
    const verdicts: (string | undefined)[] = alerts.map(() => undefined);
    let attributed = 0;
    for (const line of output.split('\n')) {
      const match = /group "g(\d+)", rule (\d+), "(?:[^"\\]|\\.)*": (.*)$/.exec(line);
      if (match === null) continue;
      const index = Number(match[1]) * RULES_PER_GROUP + Number(match[2]) - 1;
      verdicts[index] ??= match[3];
      attributed++;
    }
    if (run.status !== 0 && attributed === 0) throw new Error(`promtool failed without a per-rule error:\n${output.slice(0, 2000)}`);
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns promgate's first error for the rule, `newer` when it uses a newer feature, or `limit` when it is too deep to read. */
function promgateVerdict(alert: AlertRule): { error: string | undefined; skip: 'newer' | 'limit' | undefined; newer: string[] } {
  const newer: string[] = [];
  let error: string | undefined;
  let limit = false;
  for (const [key, text] of alert.templates) {
    const result = parseAlertTemplate(text, alert.alert);
    newer.push(...result.newerFeatures);
    if (result.error?.kind === 'limit') limit = true;
    else if (result.error !== undefined) error ??= `${key}: ${result.error.message}`;
  }
  let skip: 'newer' | 'limit' | undefined;
  if (newer.length > 0) skip = 'newer';
  else if (limit) skip = 'limit';
  return { error, skip, newer };
}

describe('promtool agreement on templates', () => {
  let version = '';
  beforeAll(() => {
    version = promtoolVersion();
  });

  it('agrees with promtool on every alerting rule', () => {
    const corpus = loadCorpusAlerts();
    const mutated = mutatedAlerts(corpus);
    const fixtures = fixtureAlerts([...VALID, ...INVALID.map(([template]) => template), ...EDGE_CASES]);
    const newerFixtures = fixtureAlerts(NEWER_CASES);
    const limitFixtures = fixtureAlerts(LIMIT_CASES);
    const alerts = [...corpus, ...mutated, ...fixtures, ...newerFixtures, ...limitFixtures];
    const verdicts = promtoolVerdicts(alerts);

    const mismatches: string[] = [];
    const skipped = { newer: 0, limit: 0 };
    const newerUsed = new Set<string>();
    let compared = 0;
    let rejected = 0;
    let mutatedRejected = 0;
    alerts.forEach((alert, index) => {
      const ours = promgateVerdict(alert);
      const theirs = verdicts[index];
      if (ours.skip !== undefined) {
        skipped[ours.skip]++;
        for (const feature of ours.newer) newerUsed.add(feature);
        // A skipped rule must stay a real difference: promtool 2.42 rejects newer features and accepts deep nesting.
        const stillDiffers = ours.skip === 'newer' ? theirs !== undefined : theirs === undefined;
        if (!stillDiffers) mismatches.push(`${alert.source} ${alert.alert}: skipped as ${ours.skip}, but promtool ${theirs === undefined ? 'accepts' : `rejects (${theirs})`}`);
        return;
      }
      compared++;
      if (theirs !== undefined) rejected++;
      if (theirs !== undefined && alert.source.endsWith(')')) mutatedRejected++;
      if ((ours.error === undefined) === (theirs === undefined)) return;
      mismatches.push(`${alert.source} ${alert.alert}: promgate ${ours.error === undefined ? 'accepts' : `rejects (${ours.error})`}, promtool ${theirs === undefined ? 'accepts' : `rejects (${theirs})`}`);
    });

    console.info(`template agreement: ${compared} rules compared (${corpus.length} from the corpus, ${mutated.length} mutated from it; ${rejected} rejected by promtool, ${mutatedRejected} of them mutated), ${mismatches.length} disagreements, ${skipped.newer} skipped for newer features, ${skipped.limit} for nesting`);
    expect(version).toContain('2.42');
    expect(corpus.length).toBeGreaterThan(600);
    expect(mutatedRejected).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
    expect(skipped.limit).toBe(LIMIT_CASES.length);
    // Every entry of NEWER_FEATURES must be needed by a rule that promtool 2.42 rejects.
    expect([...newerUsed].sort()).toEqual(NEWER_FEATURES.map((feature) => feature.name).sort());
  });
});
