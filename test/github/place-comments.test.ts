import { describe, expect, test } from 'vitest';
import { parsePatch } from '../../src/diff/parse-patch.js';
import { placeComments } from '../../src/github/place-comments.js';
import type { Finding } from '../../src/finding.js';

const PATCHES = new Map([['rules/api.yml', parsePatch(['@@ -8,3 +8,4 @@', ' a: 1', '+b: 2', ' c: 3', ' d: 4', '@@ -30,1 +31,1 @@', '-x: 1', '+x: 2'].join('\n'))]]);

function finding(overrides: Partial<Finding>): Finding {
  return { check: 'yaml/schema', severity: 'error', message: 'Problem.', file: 'rules/api.yml', line: 9, endLine: 9, ...overrides };
}

describe('placeComments', () => {
  const cases: { name: string; finding: Finding; line: number | undefined }[] = [
    { name: 'added line', finding: finding({ line: 9 }), line: 9 },
    { name: 'context line', finding: finding({ line: 8, endLine: 8 }), line: 8 },
    { name: 'last context line of a hunk', finding: finding({ line: 11, endLine: 11 }), line: 11 },
    { name: 'line between hunks', finding: finding({ line: 20, endLine: 20 }), line: undefined },
    { name: 'range reaching into a hunk', finding: finding({ line: 5, endLine: 9 }), line: 8 },
    { name: 'range around a hunk', finding: finding({ line: 25, endLine: 40 }), line: 31 },
    { name: 'line before the first hunk', finding: finding({ line: 2, endLine: 2 }), line: undefined },
    { name: 'other file', finding: finding({ file: 'rules/other.yml' }), line: undefined },
    { name: 'no file', finding: { check: 'slo/coverage', severity: 'warning', message: 'No SLO.' }, line: undefined },
    { name: 'file without line', finding: finding({ line: undefined, endLine: undefined }), line: undefined },
    { name: 'end line missing', finding: finding({ line: 31, endLine: undefined }), line: 31 },
  ];

  test.each(cases)('$name', ({ finding: input, line }) => {
    const placed = placeComments([input], PATCHES);
    expect(placed.map((entry) => entry.line)).toEqual(line === undefined ? [] : [line]);
    if (line !== undefined) expect(placed[0]).toEqual({ finding: input, path: 'rules/api.yml', line });
  });

  test('file without patch', () => {
    expect(placeComments([finding({})], new Map())).toEqual([]);
  });
});
