import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  if (!existsSync(PROMTOOL)) {
    throw new Error(`promtool not found at ${PROMTOOL}; install Prometheus' promtool (2.42 or later) or set PROMTOOL to its path to run these tests.`);
  }
  const directory = mkdtempSync(join(tmpdir(), 'promgate-slo-'));
  const path = join(directory, name);
  try {
    writeFileSync(path, text);
    const output = execFileSync(PROMTOOL, ['check', 'rules', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
