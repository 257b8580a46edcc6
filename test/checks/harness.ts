import fs from 'node:fs';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import type { AnyCheck } from '../../src/checks/check.js';
import type { Finding } from '../../src/finding.js';
import type { Policy } from '../../src/policy/types.js';

/** Input files: one text (written to `rules.yml`) or a map of paths to texts. */
export type CaseFiles = string | Record<string, string>;

export interface ValidCase {
  name: string;
  files: CaseFiles;
  options?: Record<string, unknown>;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  file?: string;
  /** A fragment the message must contain. */
  message?: string;
  severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

interface DefaultPolicyFile {
  checks?: Record<string, Record<string, unknown>>;
}

let defaultBlocks: Record<string, Record<string, unknown>> | undefined;

/** Returns a check's options from `rules/default.yml`, merged with a case's overrides. */
export function checkOptions(check: AnyCheck, overrides: Record<string, unknown> = {}): unknown {
  if (defaultBlocks === undefined) {
    const path = new URL('../../rules/default.yml', import.meta.url);
    const text = fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : '';
    defaultBlocks = (loadAll(text)[0] as DefaultPolicyFile | undefined)?.checks ?? {};
  }
  const { enabled: _enabled, severity: _severity, ...defaults } = defaultBlocks[check.id] ?? {};
  return check.options.parse({ ...defaults, ...overrides });
}

/** Runs one check alone over the files and returns its findings. */
export function runCheck(check: AnyCheck, files: CaseFiles, overrides?: Record<string, unknown>): Finding[] {
  const entries = typeof files === 'string' ? { 'rules.yml': files } : files;
  const policy: Policy = {
    failOn: 'error',
    include: [],
    exclude: [],
    checks: { [check.id]: { enabled: true, severity: check.severity, options: checkOptions(check, overrides) as Record<string, unknown> } },
  };
  const result = lint({ files: Object.entries(entries).map(([path, text]) => ({ path, text })), policy, checks: [check] });
  return result.findings;
}

/**
 * Declares the table of a check: valid cases must produce no finding, and
 * invalid cases exactly the findings listed, at their lines and columns.
 */
export function testCheck(check: AnyCheck, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((testCase) => testCase.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`duplicate case names in ${check.id}: ${repeated.join(', ')}`);

  describe(check.id, () => {
    if (cases.valid.length > 0) {
      it.each(cases.valid)('valid: $name', ({ files, options }) => {
        const findings = runCheck(check, files, options);
        expect(findings.map(describeFinding)).toEqual([]);
      });
    }
    if (cases.invalid.length > 0) {
      it.each(cases.invalid)('invalid: $name', ({ files, options, findings: expected }) => {
        const findings = runCheck(check, files, options);
        expect(findings.map((finding) => ({ file: finding.file, line: finding.line, column: finding.column }))).toEqual(
          expected.map((finding) => ({ file: finding.file ?? (typeof files === 'string' ? 'rules.yml' : finding.file), line: finding.line, column: finding.column })),
        );
        for (const [index, finding] of findings.entries()) {
          const want = expected[index]!;
          expect(finding.check).toBe(check.id);
          if (want.message !== undefined) expect(finding.message).toContain(want.message);
          if (want.severity !== undefined) expect(finding.severity).toBe(want.severity);
        }
      });
    }
  });
}

function describeFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.check} ${finding.message}`;
}
