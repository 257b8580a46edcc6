import { describe, expect, it } from 'vitest';
import { isExcludedByPolicy, matchesPolicyGlobs } from '../../src/policy/policy-globs.js';
import type { Policy } from '../../src/policy/types.js';

const policy = (include: string[], exclude: string[] = []): Policy => ({ failOn: 'error', include, exclude, checks: {} });

const DEFAULT_GLOBS = ['**/*.yml', '**/*.yaml', '**/*.rules'];

describe('matchesPolicyGlobs', () => {
  it.each([
    { name: 'root file', include: DEFAULT_GLOBS, exclude: [], path: 'prometheus.yml', expected: true },
    { name: 'nested file', include: DEFAULT_GLOBS, exclude: [], path: 'rules/api/alerts.yaml', expected: true },
    { name: 'rules extension', include: DEFAULT_GLOBS, exclude: [], path: 'legacy/node.rules', expected: true },
    { name: 'other extension', include: DEFAULT_GLOBS, exclude: [], path: 'README.md', expected: false },
    { name: 'dot folder', include: DEFAULT_GLOBS, exclude: [], path: '.github/promgate.yml', expected: true },
    { name: 'excluded folder', include: DEFAULT_GLOBS, exclude: ['vendor/**'], path: 'vendor/kube/rules.yml', expected: false },
    { name: 'exclude elsewhere', include: DEFAULT_GLOBS, exclude: ['vendor/**'], path: 'rules/vendor.yml', expected: true },
    { name: 'single star stays shallow', include: ['*.yml'], exclude: [], path: 'rules/api.yml', expected: false },
    { name: 'single star at root', include: ['*.yml'], exclude: [], path: 'api.yml', expected: true },
    { name: 'brace expansion', include: ['rules/**/*.{yml,yaml}'], exclude: [], path: 'rules/a/b.yaml', expected: true },
    { name: 'exclude wins', include: ['**'], exclude: ['**/generated/**'], path: 'rules/generated/x.yml', expected: false },
  ])('$name', ({ include, exclude, path, expected }) => {
    expect(matchesPolicyGlobs(policy(include, exclude), path)).toBe(expected);
  });
});

describe('isExcludedByPolicy', () => {
  it('ignores include', () => {
    expect(isExcludedByPolicy(policy(['*.yml']), 'docs/notes.txt')).toBe(false);
  });

  it('matches exclude', () => {
    expect(isExcludedByPolicy(policy(['*.yml'], ['vendor/**']), 'vendor/a.yml')).toBe(true);
  });

  it('empty exclude matches nothing', () => {
    expect(isExcludedByPolicy(policy(['**']), 'a.yml')).toBe(false);
  });
});
