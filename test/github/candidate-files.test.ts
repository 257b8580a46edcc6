import { expect, test } from 'vitest';
import { selectCandidateFiles } from '../../src/github/candidate-files.js';
import type { ChangedFile } from '../../src/github/candidate-files.js';
import type { Policy } from '../../src/policy/types.js';

const POLICY: Policy = { failOn: 'error', include: ['**/*.yml', '**/*.yaml', '**/*.rules'], exclude: ['vendor/**'], checks: {} };

function changed(path: string, status: ChangedFile['status'] = 'modified'): ChangedFile {
  return { path, status, blobSha: 'abc', patch: undefined, previousPath: undefined, additions: 1, deletions: 0 };
}

test.each([
  ['rules/api.yml', 'modified', true],
  ['rules/api.yaml', 'added', true],
  ['prometheus/node.rules', 'renamed', true],
  ['.prometheus/alerts.yml', 'added', true],
  ['rules/api.yml', 'removed', false],
  ['vendor/kube/alerts.yml', 'modified', false],
  ['dashboards/api.json', 'modified', false],
  ['README.md', 'modified', false],
] as const)('%s (%s) is a candidate: %s', (path, status, expected) => {
  expect(selectCandidateFiles([changed(path, status)], POLICY)).toHaveLength(expected ? 1 : 0);
});

test('extension outside the include globs is skipped', () => {
  const policy: Policy = { ...POLICY, include: ['rules/**'], exclude: [] };
  expect(selectCandidateFiles([changed('rules/a.yml'), changed('rules/notes.txt'), changed('other/b.yml')], policy).map((file) => file.path)).toEqual(['rules/a.yml']);
});
