import { describe, expect, test } from 'vitest';
import { parsePatch, rightSideLines } from '../../src/diff/parse-patch.js';

describe('parsePatch', () => {
  test('added file', () => {
    const patch = parsePatch('@@ -0,0 +1,2 @@\n+groups:\n+  - name: api');
    expect(patch.hunks).toEqual([
      {
        oldStart: 0,
        oldLines: 0,
        newStart: 1,
        newLines: 2,
        section: '',
        lines: [
          { kind: 'added', text: 'groups:', newLine: 1 },
          { kind: 'added', text: '  - name: api', newLine: 2 },
        ],
      },
    ]);
  });

  test('added, context and removed lines', () => {
    const patch = parsePatch(['@@ -3,4 +3,4 @@ groups:', '   - name: api', '-    interval: 1m', '+    interval: 30s', '     rules:', '       - record: a'].join('\n'));
    expect(patch.hunks[0]?.section).toBe('groups:');
    expect(patch.hunks[0]?.lines).toEqual([
      { kind: 'context', text: '  - name: api', oldLine: 3, newLine: 3 },
      { kind: 'removed', text: '    interval: 1m', oldLine: 4 },
      { kind: 'added', text: '    interval: 30s', newLine: 4 },
      { kind: 'context', text: '    rules:', oldLine: 5, newLine: 5 },
      { kind: 'context', text: '      - record: a', oldLine: 6, newLine: 6 },
    ]);
    expect([...rightSideLines(patch)]).toEqual([3, 4, 5, 6]);
  });

  test('multiple hunks', () => {
    const patch = parsePatch(['@@ -1,2 +1,2 @@', '-a: 1', '+a: 2', ' b: 1', '@@ -40,2 +40,3 @@ rules:', ' x: 1', '+y: 2', ' z: 3'].join('\n'));
    expect(patch.hunks.map((hunk) => [hunk.oldStart, hunk.newStart, hunk.lines.length])).toEqual([
      [1, 1, 3],
      [40, 40, 3],
    ]);
    expect([...rightSideLines(patch)]).toEqual([1, 2, 40, 41, 42]);
  });

  test('no newline at end of file', () => {
    const patch = parsePatch(['@@ -1,2 +1,2 @@', ' a: 1', '-b: 1', '\\ No newline at end of file', '+b: 2', '\\ No newline at end of file'].join('\n'));
    expect(patch.hunks[0]?.lines).toEqual([
      { kind: 'context', text: 'a: 1', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b: 1', oldLine: 2 },
      { kind: 'added', text: 'b: 2', newLine: 2 },
    ]);
  });

  test('counts omitted in hunk header', () => {
    const patch = parsePatch('@@ -7 +7 @@\n-old\n+new');
    expect(patch.hunks[0]).toMatchObject({ oldStart: 7, oldLines: 1, newStart: 7, newLines: 1 });
    expect([...rightSideLines(patch)]).toEqual([7]);
  });

  test('removed lines are not on the right side', () => {
    const patch = parsePatch('@@ -1,3 +1,1 @@\n-a: 1\n-b: 2\n c: 3');
    expect([...rightSideLines(patch)]).toEqual([1]);
  });

  test('renamed file with git headers', () => {
    const diff = [
      'diff --git a/rules/old.yml b/rules/api.yml',
      'similarity index 90%',
      'rename from rules/old.yml',
      'rename to rules/api.yml',
      'index 1111111..2222222 100644',
      '--- a/rules/old.yml',
      '+++ b/rules/api.yml',
      '@@ -1,3 +1,3 @@',
      ' groups:',
      '-  - name: old',
      '+  - name: api',
      '     rules: []',
    ].join('\n');
    const patch = parsePatch(diff);
    expect(patch.hunks).toHaveLength(1);
    expect(patch.hunks[0]?.lines.map((line) => line.kind)).toEqual(['context', 'removed', 'added', 'context']);
    expect([...rightSideLines(patch)]).toEqual([1, 2, 3]);
  });

  test('pure rename has no hunks', () => {
    expect(parsePatch('').hunks).toEqual([]);
  });

  test('removed line that looks like a header', () => {
    // `--- a` inside a hunk is the removed line `-- a`, not a file header.
    const patch = parsePatch('@@ -1,2 +1,1 @@\n--- a\n+++ b');
    expect(patch.hunks[0]?.lines).toEqual([
      { kind: 'removed', text: '-- a', oldLine: 1 },
      { kind: 'added', text: '++ b', newLine: 1 },
    ]);
  });

  test('empty context line without its space', () => {
    const patch = parsePatch('@@ -1,3 +1,3 @@\n a: 1\n\n-b: 1\n+b: 2');
    expect(patch.hunks[0]?.lines[1]).toEqual({ kind: 'context', text: '', oldLine: 2, newLine: 2 });
    expect([...rightSideLines(patch)]).toEqual([1, 2, 3]);
  });

  test('lines past the hunk counts are ignored', () => {
    const patch = parsePatch('@@ -1 +1 @@\n-a\n+b\n+c\n d');
    expect(patch.hunks[0]?.lines).toHaveLength(2);
    expect([...rightSideLines(patch)]).toEqual([1]);
  });

  test('text that is no diff', () => {
    expect(parsePatch('Binary files differ').hunks).toEqual([]);
  });
});
