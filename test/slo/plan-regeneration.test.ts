import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRegeneration } from '../../src/slo/plan-regeneration.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/slo');
const spec = fs.readFileSync(path.join(fixtures, 'checkout.yml'), 'utf8');
const rules = fs.readFileSync(path.join(fixtures, 'checkout.rules.yml'), 'utf8');

describe('planRegeneration', () => {
  it('changes nothing when the rules are up to date', () => {
    const plan = planRegeneration([{ path: 'fixtures/slo/checkout.yml', text: spec }, { path: 'fixtures/slo/checkout.rules.yml', text: rules }], {});
    expect(plan).toEqual({ changes: [], invalid: [], unchanged: ['fixtures/slo/checkout.yml'] });
  });

  it('regenerates rules of a changed spec', () => {
    const changed = spec.replace('objective: 99.9', 'objective: 99.5');
    const plan = planRegeneration([{ path: 'fixtures/slo/checkout.yml', text: changed }, { path: 'fixtures/slo/checkout.rules.yml', text: rules }], {});
    expect(plan.changes.map((change) => [change.path, change.specPath, change.created])).toEqual([['fixtures/slo/checkout.rules.yml', 'fixtures/slo/checkout.yml', false]]);
    expect(plan.changes[0]!.text).toContain('0.995');
  });

  it('creates missing rule files and reports invalid specs', () => {
    const plan = planRegeneration(
      [
        { path: 'slo/new.yml', text: spec },
        { path: 'slo/broken.yml', text: spec.replace('objective: 99.9', 'objective: 120') },
        { path: 'rules/other.yml', text: 'groups: []\n' },
      ],
      {},
    );
    expect(plan.changes.map((change) => [change.path, change.created])).toEqual([['slo/new.rules.yml', true]]);
    expect(plan.invalid.map((entry) => entry.specPath)).toEqual(['slo/broken.yml']);
  });
});
