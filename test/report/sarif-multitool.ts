import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ValidationLog {
  runs: {
    tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } };
    results?: { ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }[];
  }[];
}

/**
 * Validates a SARIF log with Microsoft's SARIF Multitool (`sarif-multitool
 * validate`), which adds SARIF's own rules to the JSON schema: URIs must
 * conform to RFC 3986, regions must be positioned, and so on. Returns one
 * line per error or warning it reports, empty when the log is clean. The
 * tool exits with 0 even when it reports errors, so its output log is read.
 */
export function validateWithMultitool(sarif: string): string[] {
  const multitool = findMultitool();

  const directory = mkdtempSync(join(tmpdir(), 'promgate-sarif-'));
  try {
    const input = join(directory, 'input.sarif');
    const output = join(directory, 'validation.sarif');
    writeFileSync(input, sarif);
    const run = spawnSync(multitool, ['validate', input, '--output', output], { encoding: 'utf8' });
    if (run.status !== 0 || !existsSync(output)) {
      throw new Error(`SARIF Multitool failed to run (exit code ${run.status}, ${run.error?.message ?? 'no spawn error'}):\n${run.stdout}${run.stderr}`);
    }
    return describeResults(JSON.parse(readFileSync(output, 'utf8')) as ValidationLog);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Returns the path of the Multitool's native binary. @microsoft/sarif-multitool
 * exports it from the optional package for the platform, such as
 * @microsoft/sarif-multitool-linux. Its own launcher runs the binary through
 * a shell, which would split a path with spaces.
 */
function findMultitool(): string {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('@microsoft/sarif-multitool');
  } catch (error) {
    throw new Error(
      `SARIF Multitool not found (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run \`npm ci\`, which installs the dev dependency @microsoft/sarif-multitool and its binary for ${process.platform}.`,
    );
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    throw new Error(`SARIF Multitool binary not found at ${String(binary)}; reinstall with \`npm ci\`.`);
  }
  return binary;
}

/** Renders each result as `RULE level: message`, filling the rule's message template with the result's arguments. */
function describeResults(log: ValidationLog): string[] {
  const lines: string[] = [];
  for (const run of log.runs) {
    const rules = new Map((run.tool.driver.rules ?? []).map((rule) => [rule.id, rule]));
    for (const result of run.results ?? []) {
      const template = result.message.text ?? rules.get(result.ruleId)?.messageStrings?.[result.message.id ?? '']?.text ?? result.message.id ?? '';
      const text = template.replace(/\{(\d+)\}/g, (_, index: string) => result.message.arguments?.[Number(index)] ?? '');
      lines.push(`${result.ruleId} ${result.level ?? 'warning'}: ${text}`);
    }
  }
  return lines;
}
