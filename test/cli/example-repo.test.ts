import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface JsonFinding {
  check: string;
  severity: string;
  file: string;
  line: number;
  column: number;
}

describe('fixtures/example-repo', () => {
  it('finds the planted problems', async () => {
    const run = await runCli(['lint', '--format', 'json', 'fixtures/example-repo'], { cwd: PACKAGE_ROOT });
    const output = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: { files: number; rules: number } };
    const found = output.findings.map(({ check, severity, file, line, column }) => ({ check, severity, file, line, column }));

    const rules = 'fixtures/example-repo/rules/api.rules.yml';
    const prometheus = 'fixtures/example-repo/prometheus/prometheus.yml';
    // Findings of the checks that exist today; later checks add findings but never remove these.
    for (const expected of [
      { check: 'labels/env', severity: 'warning', file: prometheus, line: 32, column: 16 },
      { check: 'labels/env', severity: 'warning', file: prometheus, line: 34, column: 15 },
      { check: 'naming/counter-suffix', severity: 'warning', file: rules, line: 17, column: 39 },
      { check: 'naming/base-units', severity: 'warning', file: rules, line: 20, column: 17 },
      { check: 'naming/base-units', severity: 'warning', file: rules, line: 21, column: 68 },
      { check: 'naming/recording-rule', severity: 'warning', file: rules, line: 24, column: 17 },
      { check: 'labels/env-dropped', severity: 'warning', file: rules, line: 52, column: 40 },
      { check: 'alerts/annotations', severity: 'warning', file: rules, line: 41, column: 16 },
      { check: 'alerts/labels', severity: 'error', file: rules, line: 62, column: 16 },
    ]) {
      expect(found).toContainEqual(expected);
    }

    expect(output.summary).toMatchObject({ files: 3, rules: 11 });
    expect(run.code).toBe(1);
  });

  it('has no YAML problems', async () => {
    const run = await runCli(['lint', '--format', 'json', 'fixtures/example-repo'], { cwd: PACKAGE_ROOT });
    const output = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(output.findings.filter((finding) => finding.check.startsWith('yaml/'))).toEqual([]);
  });

  it('skips the vendored rules', async () => {
    const run = await runCli(['lint', '--format', 'json', 'fixtures/example-repo'], { cwd: PACKAGE_ROOT });
    const output = JSON.parse(run.stdout) as { findings: JsonFinding[] };
    expect(output.findings.filter((finding) => finding.file.includes('/vendor/'))).toEqual([]);
  });
});
