import { describe, expect, it } from 'vitest';
import { formatSummary, formatText } from '../../src/report/format-text.js';
import { FILE_FINDING, MULTILINE_FINDING, PULL_REQUEST_FINDING, sampleReport } from './sample-report.js';
import type { Finding } from '../../src/finding.js';

describe('formatText', () => {
  it('prints findings like a compiler', () => {
    expect(formatText(sampleReport(), { color: false })).toBe(
      [
        'rules/api.rules.yml:12:9 error yaml/schema Rule has no `expr`.',
        '    Add `expr` with the PromQL expression the rule evaluates.',
        'rules/api.rules.yml:20:5 warning alerts/annotations Alert `ApiDown` has no `runbook_url` annotation.',
        'info slo/coverage Service `api` has no SLO yet.',
        '    Add an SLO spec for `api`.',
        '',
        '1 error, 1 warning, 1 info in 4 files (120 rules)',
        '',
      ].join('\n'),
    );
  });

  it('indents every fix line', () => {
    const finding: Finding = { ...FILE_FINDING, fix: 'First step.\nSecond step.' };
    expect(formatText(sampleReport([finding]), { color: false })).toContain('    First step.\n    Second step.\n');
  });

  it('colours only when asked', () => {
    expect(formatText(sampleReport([FILE_FINDING]), { color: false })).not.toContain('\u001b[');
    const coloured = formatText(sampleReport([FILE_FINDING]), { color: true });
    expect(coloured).toContain('\u001b[1;31merror\u001b[0m');
    expect(coloured).toContain('\u001b[1mrules/api.rules.yml:12:9\u001b[0m');
  });

  it('no findings', () => {
    expect(formatText(sampleReport([]), { color: false })).toBe('No findings in 4 files (120 rules)\n');
  });

  it('lists pre-existing findings apart', () => {
    const report = { ...sampleReport([FILE_FINDING]), preExisting: [MULTILINE_FINDING, PULL_REQUEST_FINDING] };
    expect(formatText(report, { color: false })).toBe(
      [
        'rules/api.rules.yml:12:9 error yaml/schema Rule has no `expr`.',
        '    Add `expr` with the PromQL expression the rule evaluates.',
        '',
        'Pre-existing findings (2), on rules and lines this change did not touch:',
        'rules/api.rules.yml:20:5 warning alerts/annotations Alert `ApiDown` has no `runbook_url` annotation.',
        'info slo/coverage Service `api` has no SLO yet.',
        '    Add an SLO spec for `api`.',
        '',
        '1 error in 4 files (120 rules), not counting 2 pre-existing findings',
        '',
      ].join('\n'),
    );
  });

  it('pre-existing findings alone', () => {
    const report = { ...sampleReport([]), preExisting: [MULTILINE_FINDING] };
    expect(formatText(report, { color: false })).toBe(
      [
        'Pre-existing findings (1), on rules and lines this change did not touch:',
        'rules/api.rules.yml:20:5 warning alerts/annotations Alert `ApiDown` has no `runbook_url` annotation.',
        '',
        'No findings in 4 files (120 rules), not counting 1 pre-existing finding',
        '',
      ].join('\n'),
    );
  });

  it('empty pre-existing list', () => {
    expect(formatText({ ...sampleReport([]), preExisting: [] }, { color: false })).toBe('No findings in 4 files (120 rules)\n');
  });
});

describe('formatSummary', () => {
  it.each([
    { name: 'plurals', findings: [FILE_FINDING, FILE_FINDING, MULTILINE_FINDING], files: 2, rules: 1, expected: '2 errors, 1 warning in 2 files (1 rule)' },
    { name: 'singular file', findings: [MULTILINE_FINDING], files: 1, rules: 0, expected: '1 warning in 1 file (0 rules)' },
    { name: 'info only', findings: [PULL_REQUEST_FINDING, PULL_REQUEST_FINDING], files: 3, rules: 9, expected: '2 info in 3 files (9 rules)' },
  ])('$name', ({ findings, files, rules, expected }) => {
    expect(formatSummary({ findings, summary: { files, rules, findings: findings.length } })).toBe(expected);
  });
});
