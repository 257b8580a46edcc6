// Runs the real promtool on many expressions at once and returns its verdict
// for each one.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

/** Returns promtool's version line; throws with install instructions when it is missing. */
export function promtoolVersion(): string {
  const run = spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) {
    throw new Error(
      `promtool is not installed or failed to run (${run.error?.message ?? `exit ${run.status}`}); the PromQL agreement test needs it. Install it with \`apt-get install prometheus\` or set PROMTOOL to its path.`,
    );
  }
  return (run.stdout + run.stderr).split('\n')[0] ?? '';
}

/**
 * Checks every expression with `promtool check rules --lint=none`. All
 * expressions go into one rule file, one group per expression, so a single
 * promtool run can attribute each error to its expression. Returns
 * promtool's error message per expression, or undefined when it accepted it.
 */
export function promtoolVerdicts(exprs: readonly string[]): Array<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'promgate-promtool-'));
  try {
    const file = join(dir, 'rules.yaml');
    const groups = exprs.map(
      (expr, index) =>
        `- name: g${index}\n  rules:\n  - record: test:agreement:check\n    expr: ${JSON.stringify(expr)}\n`,
    );
    writeFileSync(file, `groups:\n${groups.join('')}`);
    const run = spawnSync(PROMTOOL, ['check', 'rules', '--lint=none', file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error !== undefined) {
      throw run.error;
    }
    const output = `${run.stdout}\n${run.stderr}`;
    const verdicts: Array<string | undefined> = exprs.map(() => undefined);
    let attributed = 0;
    for (const line of output.split('\n')) {
      const match = /group "g(\d+)", rule \d+, "[^"]*": (.*)$/.exec(line);
      if (match === null) {
        continue;
      }
      const index = Number(match[1]);
      verdicts[index] ??= match[2];
      attributed++;
    }
    if (run.status !== 0 && attributed === 0) {
      throw new Error(`promtool failed without a per-rule error:\n${output.slice(0, 2000)}`);
    }
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
