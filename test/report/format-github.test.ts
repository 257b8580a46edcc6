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
