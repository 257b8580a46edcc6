import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedRulesPath, generateSpecFile } from '../../src/slo/index.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/slo/${name}`, import.meta.url));

describe('generateSpecFile', () => {
  it('writes the golden rules next to the spec', () => {
    const result = generateSpecFile({ specPath: 'fixtures/slo/checkout.yml', spec: read('checkout.yml') });
    expect(result).toEqual({ ok: true, outputPath: 'fixtures/slo/checkout.rules.yml', text: read('checkout.rules.yml').toString('utf8') });
  });

  it('hashes text like bytes', () => {
    const fromText = generateSpecFile({ specPath: 'fixtures/slo/search.yml', spec: read('search.yml').toString('utf8') });
    const fromBytes = generateSpecFile({ specPath: 'fixtures/slo/search.yml', spec: read('search.yml') });
    expect(fromText).toEqual(fromBytes);
  });

  it('returns the problems of an invalid spec', () => {
    const spec = read('checkout.yml').toString('utf8').replace('objective: 99.9', 'objective: 100');
    const result = generateSpecFile({ specPath: 'slo/checkout.yml', spec });
    if (result.ok) throw new Error('expected problems, got rules');
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('`slos[0].objective` is `100`')]);
  });

  it('rejects a file without a spec', () => {
    const result = generateSpecFile({ specPath: 'rules/app.yml', spec: 'groups: []\n' });
    if (result.ok) throw new Error('expected problems, got rules');
    expect(result.problems[0]?.message).toBe('`rules/app.yml` contains no SLO spec.');
  });
});

describe('generatedRulesPath', () => {
  it.each([
    { spec: 'slo/checkout.yml', rules: 'slo/checkout.rules.yml' },
    { spec: 'slo/checkout.yaml', rules: 'slo/checkout.rules.yml' },
    { spec: 'checkout.YML', rules: 'checkout.rules.yml' },
    { spec: 'a.b/spec', rules: 'a.b/spec.rules.yml' },
    { spec: 'slo/.yml', rules: 'slo/.yml.rules.yml' },
  ])('$spec', ({ spec, rules }) => {
    expect(generatedRulesPath(spec)).toBe(rules);
  });
});
