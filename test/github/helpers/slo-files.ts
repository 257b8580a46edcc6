import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import { generateSpecFile } from '../../../src/slo/generate-spec-file.js';

/** The checkout SLO spec of the fixtures, in Sloth's format. */
export const CHECKOUT_SPEC = readFileSync(new URL('../../../fixtures/slo/checkout.yml', import.meta.url), 'utf8');

/** The same spec before a pull request raised its first objective to 99.9. */
export const OLD_CHECKOUT_SPEC = CHECKOUT_SPEC.replace('objective: 99.9', 'objective: 99.5');

export const SPEC_PATH = 'slo/checkout.yml';
export const RULES_PATH = 'slo/checkout.rules.yml';

/**
 * Runs `promgate generate slo SPEC --stdout` in a temporary Git repository
 * without a policy, as a user would, and returns the rules it prints.
 */
export async function generateWithCli(specPath: string, specText: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'promgate-generate-'));
  try {
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, dirname(specPath)), { recursive: true });
    writeFileSync(join(root, specPath), specText);
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd: root, env: {} };
    const code = await main(['generate', 'slo', specPath, '--stdout'], io);
    if (code !== 0) throw new Error(`promgate generate slo exited with ${code}: ${stderr}`);
    return stdout;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Generates the rules of the old spec, as they were committed before the pull request. */
export function staleCheckoutRules(): string {
  const result = generateSpecFile({ specPath: SPEC_PATH, spec: OLD_CHECKOUT_SPEC });
  if (!result.ok) throw new Error(`the old checkout spec is invalid: ${result.problems.map((problem) => problem.message).join(' ')}`);
  return result.text;
}
