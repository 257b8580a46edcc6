import { fileChangeFromPatch, parsePatch, WHOLE_FILE_CHANGE } from '../diff/index.js';
import { MONITORING_EXTENSIONS } from './collect-files.js';
import { parseDiffWithRaw } from './parse-diff-with-raw.js';
import { runGit, splitNulFields } from './run-git.js';
import type { FileChange } from '../diff/index.js';

/**
 * Options that pin every diff setting a user's git configuration could
 * change. Three lines of context and no merged hunks make the patches look
 * like those GitHub shows on a pull request, which `src/diff` reads. Its
 * parser places a removal after the line before the hunk's new start, and
 * `--unified=0` numbers a hunk that only removes lines from the line above
 * the removal, so the removal would land one line too early. Renames are
 * detected, as GitHub does, so a moved file counts only for the lines that
 * changed in it.
 */
const DIFF_OPTIONS = [
  '--patch-with-raw',
  '-z',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--find-renames',
  '--unified=3',
  '--inter-hunk-context=0',
  '--diff-algorithm=default',
];

/**
 * Monitoring files as git pathspecs, where `*` also matches `/`. Limiting the
 * diff to them keeps vendored code and lock files out of its output.
 * NOTE: a file renamed from another extension to `.yml` shows as added.
 */
const MONITORING_PATHSPECS = MONITORING_EXTENSIONS.map((extension) => `*${extension}`);

/**
 * Reads what changed in the monitoring files between `mergeBase` and `head`,
 * or the work tree when `head` is undefined, as `src/diff` describes a change:
 * per file that exists after the change, by path relative to the root.
 * Deleted files are left out, because nothing is linted there. A binary file
 * counts as changed on every line, as GitHub's patch-less files do.
 * Untracked files are not part of a git diff; the caller adds them.
 */
export async function readChanges(root: string, mergeBase: string, head: string | undefined): Promise<Map<string, FileChange>> {
  const revisions = head === undefined ? [mergeBase] : [mergeBase, head];
  const output = await runGit(['diff', ...DIFF_OPTIONS, ...revisions, '--', ...MONITORING_PATHSPECS], { cwd: root });

  const changes = new Map<string, FileChange>();
  for (const diff of parseDiffWithRaw(output.toString('utf8'))) {
    if (diff.status === 'D') continue;
    changes.set(diff.path, isBinaryPatch(diff.patch) ? WHOLE_FILE_CHANGE : fileChangeFromPatch(parsePatch(diff.patch)));
  }
  return changes;
}

/** Tells whether git printed `Binary files a/x and b/x differ` instead of hunks. */
function isBinaryPatch(patch: string): boolean {
  return patch.split('\n').some((line) => line.startsWith('Binary files ') && line.endsWith(' differ'));
}

/**
 * Lists every path the change adds, modifies, renames or deletes, whatever
 * its type, for checks about the change as a whole such as `dod/monitoring`,
 * which look at a service's code as well as its monitoring.
 */
export async function listChangedPaths(root: string, mergeBase: string, head: string | undefined): Promise<string[]> {
  const range = head === undefined ? [mergeBase] : [mergeBase, head];
  const output = await runGit(['diff', '--name-only', '-z', '--no-renames', '--no-relative', ...range, '--'], { cwd: root });
  return splitNulFields(output);
}
