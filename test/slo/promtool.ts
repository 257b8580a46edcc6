import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export interface PromtoolResult {
  ok: boolean;
  output: string;
}

/**
 * Runs the real `promtool check rules` on a rule file's text. Throws when
 * promtool is not installed, so a missing binary fails the test instead of
 * passing it unchecked.
 */
export function promtoolCheckRules(text: string, name = 'rules.yml'): PromtoolResult {
  return runPromtool({ [name]: text }, ['check', 'rules', name]);
}

/**
 * Runs `promtool test rules` on a rule file with one unit test: input
 * series and expected query results, as Prometheus' unit test format
 * writes them. The rule file is named `rules.yml`.
 */
export function promtoolTestRules(rules: string, test: Record<string, unknown>): PromtoolResult {
  const tests = stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests: [test] });
  return runPromtool({ 'rules.yml': rules, 'tests.yml': tests }, ['test', 'rules', 'tests.yml']);
}

function runPromtool(files: Record<string, string>, args: string[]): PromtoolResult {
  if (!existsSync(PROMTOOL)) {
    throw new Error(`promtool not found at ${PROMTOOL}; install Prometheus' promtool (2.42 or later) or set PROMTOOL to its path to run these tests.`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'promgate-slo-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    const output = execFileSync(PROMTOOL, args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
