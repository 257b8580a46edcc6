import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { buildPolicy } from '../../src/policy/build-policy.js';

const defaultsText = readFileSync(new URL('../../rules/default.yml', import.meta.url), 'utf8');
const defaults = parseDocument(defaultsText).toJS() as { checks: Record<string, Record<string, unknown>> };

describe('rules/default.yml', () => {
  it('builds a valid policy', () => {
    const policy = buildPolicy({ checks: CHECKS });
    expect(Object.keys(policy.checks).sort()).toEqual(CHECKS.map((check) => check.id).sort());
  });

  it('has one block per check, sorted by id', () => {
    const ids = Object.keys(defaults.checks);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(CHECKS.map((check) => check.id));
  });

  it.each(CHECKS.map((check) => [check.id, check] as const))('%s: default severity and every option', (_id, check) => {
    const block = defaults.checks[check.id] ?? {};
    expect(block.severity, 'severity').toBe(check.severity);
    expect(typeof block.enabled, 'enabled').toBe('boolean');

    const { enabled: _enabled, severity: _severity, ...options } = block;
    expect(check.options.safeParse(options).success, 'options parse with the check schema').toBe(true);
    if (check.options instanceof z.ZodObject) {
      expect(Object.keys(options).sort(), 'every option has a default value').toEqual(Object.keys(check.options.shape).sort());
    }
  });

  it('comments every check block', () => {
    const document = parseDocument(defaultsText);
    const checks = document.get('checks') as { items: { key: { value: string; commentBefore?: string | null } }[]; commentBefore?: string | null };
    checks.items.forEach((pair, index) => {
      const comment = pair.key.commentBefore ?? (index === 0 ? checks.commentBefore : undefined);
      expect(comment?.trim(), `comment above ${pair.key.value}`).toBeTruthy();
    });
  });
});
