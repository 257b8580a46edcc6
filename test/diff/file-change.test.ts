import { describe, expect, test } from 'vitest';
import { fileChangeFromPatch, hasAnyChange, isRangeChanged, WHOLE_FILE_CHANGE } from '../../src/diff/file-change.js';
import { parsePatch } from '../../src/diff/parse-patch.js';
import type { FileChange } from '../../src/diff/file-change.js';

function change(...patchLines: string[]): Extract<FileChange, { kind: 'lines' }> {
  const result = fileChangeFromPatch(parsePatch(patchLines.join('\n')));
  if (result.kind !== 'lines') throw new Error('expected a line change');
  return result;
}


describe('fileChangeFromPatch', () => {
  test('added and modified lines', () => {
    const result = change('@@ -3,3 +3,4 @@', ' a: 1', '-b: 1', '+b: 2', '+c: 3', ' d: 4');
    expect([...result.added]).toEqual([4, 5]);
    expect([...result.commentable]).toEqual([3, 4, 5, 6]);
  });

  test('removal is placed after the line above it', () => {
    const result = change('@@ -3,3 +3,2 @@', ' a: 1', '-b: 1', ' c: 1');
    expect(result.removals).toEqual([{ after: 3, belongsTo: 'above' }]);
    expect(result.added.size).toBe(0);
  });

  test('removal at the top of a hunk', () => {
    expect(change('@@ -1,2 +1,1 @@', '-a: 1', ' b: 1').removals).toEqual([{ after: 0, belongsTo: 'above' }]);
  });

  test.each([
    ['list item', ['      - alert: Old', '        expr: up == 0'], 'none'],
    ['key of the item above', ['        for: 5m'], 'above'],
    ['comments only', ['      # promgate disable alerts/for'], 'below'],
    ['blank lines only', ['', '   '], 'none'],
    ['blank line before a list item', ['', '      - alert: Old'], 'none'],
  ] as const)('removed %s belongs to %s', (_name, removed, belongsTo) => {
    const result = change(`@@ -1,${removed.length + 2} +1,2 @@`, ' a: 1', ...removed.map((line) => `-${line}`), ' b: 1');
    expect(result.removals).toEqual([{ after: 1, belongsTo }]);
  });

  test('empty patch changes nothing', () => {
    const result = fileChangeFromPatch(parsePatch(''));
    expect(hasAnyChange(result)).toBe(false);
  });
});

describe('isRangeChanged', () => {
  // Two rules: one on new lines 3-5 and the next on new lines 6-8.
  const cases: { name: string; patch: string[]; range: [number, number]; changed: boolean }[] = [
    { name: 'added line inside', patch: ['@@ -1,4 +1,5 @@', ' g', ' r', ' A', '+x', ' e'], range: [3, 5], changed: true },
    { name: 'added line outside', patch: ['@@ -1,5 +1,6 @@', ' g', ' r', ' A', ' x', ' e', '+B'], range: [3, 5], changed: false },
    { name: 'removal between lines', patch: ['@@ -1,5 +1,4 @@', ' g', ' r', ' A', '-  labels: {}', ' x'], range: [3, 5], changed: true },
    { name: 'removed key after last line', patch: ['@@ -5,3 +5,2 @@', ' e', '-        for: 5m', ' B'], range: [3, 5], changed: true },
    { name: 'removed key is not the next rule', patch: ['@@ -5,3 +5,2 @@', ' e', '-        for: 5m', ' B'], range: [6, 8], changed: false },
    { name: 'removed rule before', patch: ['@@ -5,4 +5,2 @@', ' e', '-      - alert: Old', '-        expr: up', ' B'], range: [6, 8], changed: false },
    { name: 'removed rule after', patch: ['@@ -5,4 +5,2 @@', ' e', '-      - alert: Old', '-        expr: up', ' B'], range: [3, 5], changed: false },
    { name: 'removed comment above', patch: ['@@ -5,3 +5,2 @@', ' e', '-      # promgate disable alerts/for', ' B'], range: [6, 8], changed: true },
    { name: 'removed comment not the rule above', patch: ['@@ -5,3 +5,2 @@', ' e', '-      # promgate disable alerts/for', ' B'], range: [3, 5], changed: false },
  ];

  test.each(cases)('$name', ({ patch, range, changed }) => {
    expect(isRangeChanged(change(...patch), range[0], range[1])).toBe(changed);
  });

  test('whole file counts everywhere', () => {
    expect(isRangeChanged(WHOLE_FILE_CHANGE, 40, 41)).toBe(true);
    expect(hasAnyChange(WHOLE_FILE_CHANGE)).toBe(true);
  });
});
