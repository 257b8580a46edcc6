import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/format-github.js';
import { FILE_FINDING, MULTILINE_FINDING, PULL_REQUEST_FINDING, sampleReport } from './sample-report.js';
import type { Finding } from '../../src/finding.js';

describe('formatGithub', () => {
  it('writes one command per finding', () => {
    expect(formatGithub(sampleReport()).split('\n')).toEqual([
      '::error file=rules/api.rules.yml,line=12,col=9,endLine=12,endColumn=21,title=yaml/schema::Rule has no `expr`.%0AAdd `expr` with the PromQL expression the rule evaluates.',
      '::warning file=rules/api.rules.yml,line=20,endLine=23,title=alerts/annotations::Alert `ApiDown` has no `runbook_url` annotation.',
      '::notice title=slo/coverage::Service `api` has no SLO yet.%0AAdd an SLO spec for `api`.',
      '1 error, 1 warning, 1 info in 4 files (120 rules)',
      '',
    ]);
  });

  it('escapes file names', () => {
    const finding: Finding = { ...FILE_FINDING, file: 'rules/a,b:c%.yml', fix: undefined };
    expect(formatGithub(sampleReport([finding]))).toContain('::error file=rules/a%2Cb%3Ac%25.yml,line=12,');
  });

  it('escapes messages', () => {
    const finding: Finding = { ...MULTILINE_FINDING, message: '100% of\r\nalerts: a, b' };
    expect(formatGithub(sampleReport([finding]))).toContain('::100%25 of%0D%0Aalerts: a, b\n');
  });
});

describe('formatGithub with pre-existing findings', () => {
  it('folds them into a log group', () => {
    const report = { ...sampleReport([FILE_FINDING]), preExisting: [MULTILINE_FINDING, PULL_REQUEST_FINDING] };
    expect(formatGithub(report, { stopCommandsToken: 'token-1' }).split('\n')).toEqual([
      '::error file=rules/api.rules.yml,line=12,col=9,endLine=12,endColumn=21,title=yaml/schema::Rule has no `expr`.%0AAdd `expr` with the PromQL expression the rule evaluates.',
      '::group::Pre-existing findings (2), on rules and lines this change did not touch',
      '::stop-commands::token-1',
      'rules/api.rules.yml:20:5 warning alerts/annotations Alert `ApiDown` has no `runbook_url` annotation.',
      'info slo/coverage Service `api` has no SLO yet.',
      '    Add an SLO spec for `api`.',
      '::token-1::',
      '::endgroup::',
      '1 error in 4 files (120 rules), not counting 2 pre-existing findings',
      '',
    ]);
  });

  it('stops commands inside the group', () => {
    const finding: Finding = { ...MULTILINE_FINDING, message: 'Rule `x`\n::error::injected' };
    const lines = formatGithub({ ...sampleReport([]), preExisting: [finding] }, { stopCommandsToken: 'token-2' }).split('\n');
    const injected = lines.indexOf('::error::injected');
    expect(injected).toBeGreaterThan(lines.indexOf('::stop-commands::token-2'));
    expect(injected).toBeLessThan(lines.indexOf('::token-2::'));
  });

  it('draws a fresh token', () => {
    const report = { ...sampleReport([]), preExisting: [MULTILINE_FINDING] };
    const token = (output: string): string | undefined => /::stop-commands::(\S+)/.exec(output)?.[1];
    expect(token(formatGithub(report))).not.toBe(token(formatGithub(report)));
  });
});

describe('escapeData', () => {
  it.each([
    ['plain', 'plain'],
    ['50%', '50%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A', '%250A'],
    ['a: b, c', 'a: b, c'],
  ])('%j', (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });
});

describe('escapeProperty', () => {
  it.each([
    ['rules/api.yml', 'rules/api.yml'],
    ['a:b', 'a%3Ab'],
    ['a,b', 'a%2Cb'],
    ['100%\n', '100%25%0A'],
  ])('%j', (input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });
});
