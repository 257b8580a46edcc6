import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import check from '../../../src/checks/slo/generated-stale.js';
import { runCheck, testCheck } from '../harness.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/slo');
const spec = fs.readFileSync(path.join(fixtures, 'checkout.yml'), 'utf8');
const rules = fs.readFileSync(path.join(fixtures, 'checkout.rules.yml'), 'utf8');
const editedRules = rules.replace('for: 2m', 'for: 10m');
const editedLine = rules.split('\n').findIndex((line) => line.includes('for: 2m')) + 1;

testCheck(check, {
  valid: [
    { name: 'fresh rules', files: { 'fixtures/slo/checkout.yml': spec, 'fixtures/slo/checkout.rules.yml': rules } },
    { name: 'hand-written rules', files: { 'rules/api.yml': 'groups: []\n' } },
  ],
  invalid: [
    {
      name: 'spec changed',
      files: { 'fixtures/slo/checkout.yml': spec.replace('objective: 99.9', 'objective: 99.5'), 'fixtures/slo/checkout.rules.yml': rules },
      findings: [{ file: 'fixtures/slo/checkout.yml', line: 2, column: 1, message: '`fixtures/slo/checkout.rules.yml` was generated from an earlier version of this spec' }],
    },
    {
      name: 'rules edited by hand',
      files: { 'fixtures/slo/checkout.yml': spec, 'fixtures/slo/checkout.rules.yml': editedRules },
      findings: [{ file: 'fixtures/slo/checkout.rules.yml', line: editedLine, column: 1, message: `Line ${editedLine} differs from what \`fixtures/slo/checkout.yml\` generates` }],
    },
    {
      name: 'spec not linted',
      files: { 'fixtures/slo/checkout.rules.yml': rules },
      findings: [{ file: 'fixtures/slo/checkout.rules.yml', line: 1, column: 1, severity: 'info', message: 'not among the linted files' }],
    },
  ],
});

describe('slo/generated-stale related locations', () => {
  it('counts every line of the changed spec', () => {
    const [finding] = runCheck(check, { 'fixtures/slo/checkout.yml': spec.replace('objective: 99.9', 'objective: 99.5'), 'fixtures/slo/checkout.rules.yml': rules });
    expect(finding?.related?.[0]).toEqual({ file: 'fixtures/slo/checkout.yml', startLine: 2, endLine: spec.trimEnd().split('\n').length });
  });
});
