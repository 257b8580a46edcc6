import type { Finding } from '../../src/finding.js';
import type { Report } from '../../src/report/report.js';

export const FILE_FINDING: Finding = {
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
  subject: { kind: 'rule', name: 'ApiDown', startLine: 10, endLine: 14 },
};

export const MULTILINE_FINDING: Finding = {
  check: 'alerts/annotations',
  severity: 'warning',
  file: 'rules/api.rules.yml',
  line: 20,
  column: 5,
  endLine: 23,
  endColumn: 30,
  message: 'Alert `ApiDown` has no `runbook_url` annotation.',
};

export const PULL_REQUEST_FINDING: Finding = {
  check: 'slo/coverage',
  severity: 'info',
  message: 'Service `api` has no SLO yet.',
  fix: 'Add an SLO spec for `api`.',
};

export function sampleReport(findings: Finding[] = [FILE_FINDING, MULTILINE_FINDING, PULL_REQUEST_FINDING]): Report {
  return { findings, summary: { files: 4, rules: 120, findings: findings.length } };
}
