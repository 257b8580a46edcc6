import { describe, expect, it } from 'vitest';
import { InternalError, UserError } from '../../src/errors.js';
import { parseDiffWithRaw } from '../../src/cli/parse-diff-with-raw.js';

const MODIFIED_RAW = ':100644 100644 1111111 2222222 M\0rules/a b.yml\0';
const MODIFIED_PATCH = ['diff --git a/rules/a b.yml b/rules/a b.yml', 'index 1111111..2222222 100644', '--- a/rules/a b.yml\t', '+++ b/rules/a b.yml\t', '@@ -1 +1 @@', '-old', '+new'].join('\n');
const RENAMED_RAW = ':100644 100644 3333333 4444444 R087\0old.yml\0new.yml\0';
const RENAMED_PATCH = ['diff --git a/old.yml b/new.yml', 'similarity index 87%', 'rename from old.yml', 'rename to new.yml', '@@ -2 +2 @@', '-x: 1', '+x: 2'].join('\n');
const DELETED_RAW = ':100644 000000 5555555 0000000 D\0"quoted".yml\0';
const DELETED_PATCH = ['diff --git a/"quoted".yml b/"quoted".yml', 'deleted file mode 100644', '--- a/"quoted".yml', '+++ /dev/null', '@@ -1 +0,0 @@', '-gone'].join('\n');

describe('parseDiffWithRaw', () => {
  it('pairs entries with patches', () => {
    const output = `${MODIFIED_RAW}${RENAMED_RAW}${DELETED_RAW}\0${MODIFIED_PATCH}\n${RENAMED_PATCH}\n${DELETED_PATCH}\n`;
    expect(parseDiffWithRaw(output)).toEqual([
      { status: 'M', path: 'rules/a b.yml', mode: '100644', patch: MODIFIED_PATCH },
      { status: 'R', path: 'new.yml', previousPath: 'old.yml', mode: '100644', patch: RENAMED_PATCH },
      { status: 'D', path: '"quoted".yml', mode: '000000', patch: `${DELETED_PATCH}\n` },
    ]);
  });

  it('keeps content lines that look like headers', () => {
    const patch = ['diff --git a/x.yml b/x.yml', '@@ -1,2 +1,2 @@', '-diff --git a/y b/y', '+--- a/x.yml', ' rest'].join('\n');
    const [diff] = parseDiffWithRaw(`:100644 100644 1 2 M\0x.yml\0\0${patch}`);
    expect(diff?.patch).toBe(patch);
  });

  it('empty diff', () => {
    expect(parseDiffWithRaw('')).toEqual([]);
  });

  it('rejects a missing patch', () => {
    expect(() => parseDiffWithRaw(`${MODIFIED_RAW}${RENAMED_RAW}\0${MODIFIED_PATCH}\n`)).toThrow(
      new InternalError('failed to parse the output of git diff: it lists 2 changed files but 1 patches.'),
    );
  });

  it('rejects a cut raw entry', () => {
    expect(() => parseDiffWithRaw(':100644 100644 1 2 R100\0old.yml')).toThrow(InternalError);
  });

  it('rejects merge conflicts', () => {
    const run = (): unknown => parseDiffWithRaw(':000000 000000 0000000 0000000 U\0rules/a.yml\0\0* Unmerged path rules/a.yml\n');
    expect(run).toThrow(UserError);
    expect(run).toThrow('rules/a.yml has unresolved merge conflicts; resolve them and run promgate ci again, or pass --head to lint a commit.');
  });
});
