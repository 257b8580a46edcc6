import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fitLinesInComment, MAX_COMMENT_LENGTH } from '../../src/github/comment-limits.js';
import { unifiedDiff } from '../../src/github/unified-diff.js';

const workspace = mkdtempSync(join(tmpdir(), 'promgate-diff-'));
execFileSync('git', ['init', '-q'], { cwd: workspace });
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Applies the patch with `git apply` to `before` and returns the file after it. */
function applyWithGit(before: string | undefined, lines: readonly string[]): string {
  rmSync(join(workspace, 'file.yml'), { force: true });
  if (before !== undefined) writeFileSync(join(workspace, 'file.yml'), before);
  writeFileSync(join(workspace, 'change.patch'), `${lines.join('\n')}\n`);
  execFileSync('git', ['apply', 'change.patch'], { cwd: workspace, stdio: 'pipe' });
  return readFileSync(join(workspace, 'file.yml'), 'utf8');
}

function numbered(count: number, prefix = 'line'): string {
  return Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}\n`).join('');
}

describe('unifiedDiff', () => {
  test('one changed line', () => {
    const before = numbered(10);
    const after = before.replace('line 5\n', 'line five\n');

    expect(unifiedDiff({ path: 'file.yml', before, after })).toEqual([
      'diff --git a/file.yml b/file.yml',
      '--- a/file.yml',
      '+++ b/file.yml',
      '@@ -2,7 +2,7 @@',
      ' line 2',
      ' line 3',
      ' line 4',
      '-line 5',
      '+line five',
      ' line 6',
      ' line 7',
      ' line 8',
    ]);
  });

  test('new file', () => {
    expect(unifiedDiff({ path: 'file.yml', before: undefined, after: 'a\nb\n' })).toEqual([
      'diff --git a/file.yml b/file.yml',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/file.yml',
      '@@ -0,0 +1,2 @@',
      '+a',
      '+b',
    ]);
  });

  test('distant changes get two hunks', () => {
    const before = numbered(30);
    const after = before.replace('line 2\n', 'line two\n').replace('line 28\n', '');

    const hunks = unifiedDiff({ path: 'file.yml', before, after }).filter((line) => line.startsWith('@@'));

    expect(hunks).toEqual(['@@ -1,5 +1,5 @@', '@@ -25,6 +25,5 @@']);
  });

  test('missing newline is marked', () => {
    const lines = unifiedDiff({ path: 'file.yml', before: 'a\nb', after: 'a\nb\n' });

    expect(lines.slice(3)).toEqual(['@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+b']);
  });

  test.each([
    ['changed line', numbered(10), numbered(10).replace('line 5\n', 'line five\n')],
    ['new file', undefined, numbered(4)],
    ['emptied file', numbered(3), ''],
    ['added at the start', numbered(8), `first\n${numbered(8)}`],
    ['removed at the end', numbered(8), numbered(6)],
    ['newline added', 'a\nb', 'a\nb\n'],
    ['newline removed', 'a\nb\n', 'a\nc'],
    ['interleaved edits', numbered(40), numbered(40).replace(/line (\d*[05])\n/g, 'changed $1\n').replace('line 12\n', '')],
    ['repeated lines', 'a\na\nb\na\na\nb\n', 'a\nb\na\nb\nb\na\n'],
    ['every line replaced past the edit limit', numbered(2_500, 'old'), numbered(2_500, 'new')],
  ])('git applies %s', (_name, before, after) => {
    expect(applyWithGit(before, unifiedDiff({ path: 'file.yml', before, after }))).toBe(after);
  });
});

describe('fitLinesInComment', () => {
  test('short patch is whole', () => {
    const body = fitLinesInComment('Intro.', 'diff', ['+a', '-b'], 'Outro.', (count) => `${count} more`);

    expect(body).toBe('Intro.\n\n```diff\n+a\n-b\n```\n\nOutro.');
  });

  test('long patch is cut under the limit', () => {
    const lines = Array.from({ length: 4_000 }, (_, index) => `+${'x'.repeat(30)} ${index}`);

    const body = fitLinesInComment('Intro.', 'diff', lines, 'Outro.', (count) => `…and ${count} more lines.`);

    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const shown = body.split('\n').filter((line) => line.startsWith('+')).length;
    expect(shown).toBeGreaterThan(1_000);
    expect(body.endsWith(`\`\`\`\n\n…and ${4_000 - shown} more lines.\n\nOutro.`)).toBe(true);
  });

  test('fence outgrows backticks in lines', () => {
    const body = fitLinesInComment('', 'diff', [' ```', '+````x'], '', () => '');

    expect(body).toBe('`````diff\n ```\n+````x\n`````');
  });
});
