import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/format-json.js';
import { FILE_FINDING, MULTILINE_FINDING, PULL_REQUEST_FINDING, sampleReport } from './sample-report.js';

describe('formatJson', () => {
  it('writes the exact shape', () => {
    const output = JSON.parse(formatJson(sampleReport())) as unknown;
    expect(output).toEqual({
      version: 1,
      findings: [
        {
          check: 'yaml/schema',
          severity: 'error',
          file: 'rules/api.rules.yml',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 21,
          message: 'Rule has no `expr`.',
          fix: 'Add `expr` with the PromQL expression the rule evaluates.',
          docs: 'https://github.com/promgate/promgate/blob/main/docs/checks/yaml/schema.md',
        },
        {
          check: 'alerts/annotations',
          severity: 'warning',
          file: 'rules/api.rules.yml',
          line: 20,
          column: 5,
          endLine: 23,
          endColumn: 30,
          message: 'Alert `ApiDown` has no `runbook_url` annotation.',
        },
        { check: 'slo/coverage', severity: 'info', message: 'Service `api` has no SLO yet.', fix: 'Add an SLO spec for `api`.' },
      ],
      summary: { files: 4, rules: 120, findings: 3 },
    });
  });

  it('orders keys', () => {
    const output = JSON.parse(formatJson(sampleReport([FILE_FINDING]))) as { findings: object[] };
    expect(Object.keys(output)).toEqual(['version', 'findings', 'summary']);
    expect(Object.keys(output.findings[0]!)).toEqual(['check', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix', 'docs']);
  });

  it('leaves out subject', () => {
    expect(formatJson(sampleReport([FILE_FINDING]))).not.toContain('subject');
  });

  it('pull request finding has no position', () => {
    const output = JSON.parse(formatJson(sampleReport([PULL_REQUEST_FINDING]))) as { findings: object[] };
    expect(Object.keys(output.findings[0]!)).toEqual(['check', 'severity', 'message', 'fix']);
  });

  it('no findings', () => {
    expect(JSON.parse(formatJson(sampleReport([])))).toEqual({ version: 1, findings: [], summary: { files: 4, rules: 120, findings: 0 } });
  });

  it('ends with a newline', () => {
    expect(formatJson(sampleReport([MULTILINE_FINDING])).endsWith('}\n')).toBe(true);
  });

  it('adds preExisting for ci', () => {
    const output = JSON.parse(formatJson({ ...sampleReport([FILE_FINDING]), preExisting: [MULTILINE_FINDING, PULL_REQUEST_FINDING] })) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['version', 'findings', 'preExisting', 'summary']);
    expect(output.preExisting).toEqual([
      {
        check: 'alerts/annotations',
        severity: 'warning',
        file: 'rules/api.rules.yml',
        line: 20,
        column: 5,
        endLine: 23,
        endColumn: 30,
        message: 'Alert `ApiDown` has no `runbook_url` annotation.',
      },
      { check: 'slo/coverage', severity: 'info', message: 'Service `api` has no SLO yet.', fix: 'Add an SLO spec for `api`.' },
    ]);
    expect(output.summary).toEqual({ files: 4, rules: 120, findings: 1, preExisting: 2 });
  });

  it('keeps an empty preExisting list', () => {
    const output = JSON.parse(formatJson({ ...sampleReport([]), preExisting: [] })) as Record<string, unknown>;
    expect(output.preExisting).toEqual([]);
    expect(output.summary).toEqual({ files: 4, rules: 120, findings: 0, preExisting: 0 });
  });
});
