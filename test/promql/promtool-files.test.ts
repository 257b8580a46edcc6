// Runs `promtool check rules --lint=none` on whole rule files, as teams keep
// them, and compares its verdict with promgate's for each file and each
// rule: plain rule files of the corpus and the fixtures as they are, and the
// `spec` of each `PrometheusRule` written out as a plain rule file.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { lint } from '../../src/lint.js';
import { VENDOR_FIELDS } from '../../src/load/vendor-fields.js';
import { PROMTOOL, promtoolVersion } from './promtool.js';
import type { Policy } from '../../src/policy/types.js';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(root, '../shared/corpus');
const compared = new Set(['yaml/syntax', 'yaml/schema', 'promql/syntax']);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'promgate-files-'));

afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** Files promtool 2.42 rejects for reasons promgate accepts on purpose, with the reason. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'VictoriaMetrics__VictoriaMetrics__deployment_docker_rules_alerts-vmagent.yaml': 'invalid YAML; both reject it, but promtool reports no rule',
};

function ruleFiles(): { name: string; file: string }[] {
  const plain = ['rules', 'bench'].flatMap((directory) =>
    fs.readdirSync(path.join(corpus, directory)).map((name) => ({ name, file: path.join(corpus, directory, name) })),
  );
  const fixtures = ['fixtures/example-repo/rules', 'fixtures/slo']
    .flatMap((directory) => fs.readdirSync(path.join(root, directory)).filter((name) => name.endsWith('.rules.yml')).map((name) => ({ name, file: path.join(root, directory, name) })));
  const specs = fs.readdirSync(path.join(corpus, 'crd')).flatMap((name) => {
    const documents = loadAll(fs.readFileSync(path.join(corpus, 'crd', name), 'utf8')) as { spec?: unknown }[];
    return documents
      .filter((document) => document?.spec !== undefined)
      .map((document, index) => {
        const file = path.join(temp, `${name}.${index}.spec.yaml`);
        fs.writeFileSync(file, dump(document.spec, { lineWidth: -1 }));
        return { name: `${name} (spec ${index})`, file };
      });
  });
  return [...plain, ...fixtures, ...specs];
}

interface Verdict {
  failed: boolean;
  /** `group name/rule index` of every rule with an error, 1-based as promtool counts. */
  rules: string[];
}

function promtoolVerdict(file: string): Verdict & { output: string } {
  const run = spawnSync(PROMTOOL, ['check', 'rules', '--lint=none', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined) throw run.error;
  const output = `${run.stdout}\n${run.stderr}`;
  const rules = [...output.matchAll(/group "([^"]*)", rule (\d+), /g)].map((match) => `${match[1]}/${match[2]}`);
  return { failed: run.status !== 0, rules: [...new Set(rules)].sort(), output };
}

function promgateVerdict(file: string): Verdict & { messages: string[] } {
  const policy: Policy = { failOn: 'error', include: [], exclude: [], checks: {} };
  const text = fs.readFileSync(file, 'utf8');
  const result = lint({ files: [{ path: 'rules.yml', text }], policy, checks: CHECKS.filter((check) => compared.has(check.id)) });
  const errors = result.findings.filter((finding) => finding.severity === 'error');

  // Attribute each finding to the rule whose lines contain it, by group name and 1-based index.
  const ranges: { key: string; from: number; to: number }[] = [];
  for (const document of result.files[0]!.documents) {
    if (document.kind !== 'rules') continue;
    for (const group of document.groups) {
      group.rulesNode?.items.forEach((item, index) => {
        const from = result.files[0]!.source.positionAt(item.start).line;
        const to = result.files[0]!.source.positionAt(Math.max(item.start, item.end - 1)).line;
        ranges.push({ key: `${group.name}/${index + 1}`, from, to });
      });
    }
  }
  const rules = errors.flatMap((finding) => ranges.filter((range) => finding.line !== undefined && finding.line >= range.from && finding.line <= range.to).map((range) => range.key));
  return { failed: errors.length > 0, rules: [...new Set(rules)].sort(), messages: errors.map((finding) => `${finding.line}: ${finding.check} ${finding.message}`) };
}

/** Whether promtool's failure is only about a field that promgate accepts on purpose. */
function onlyVendorFields(output: string): boolean {
  const unknown = [...output.matchAll(/field (\w+) not found in type rulefmt\.(\w+)/g)];
  return unknown.length > 0 && unknown.every((match) => VENDOR_FIELDS.some((field) => field.key === match[1]));
}

describe('promtool agreement on whole rule files', () => {
  it('finds promtool', () => {
    expect(promtoolVersion()).toContain('2.');
  });

  const files = ruleFiles();
  it('covers the corpus, its CRDs and the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter(({ file }) => promtoolVerdict(file).failed).length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('$name', ({ name, file }) => {
    if (KNOWN_DIFFERENCES[name] !== undefined) return;
    const theirs = promtoolVerdict(file);
    const ours = promgateVerdict(file);
    if (theirs.failed && !ours.failed && onlyVendorFields(theirs.output)) return;

    expect({ failed: ours.failed, messages: ours.messages }).toEqual({ failed: theirs.failed, messages: theirs.failed ? ours.messages : [] });
    // When promtool attributes errors to rules, promgate must flag exactly those rules.
    if (theirs.rules.length > 0) expect(ours.rules).toEqual(theirs.rules);
  });
});
