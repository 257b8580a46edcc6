import { fileChangeFromPatch, WHOLE_FILE_CHANGE } from '../diff/file-change.js';
import { parsePatch } from '../diff/parse-patch.js';
import { inlineCode } from '../report/markdown-text.js';
import type { FileChange } from '../diff/file-change.js';
import type { ChangedFile } from './candidate-files.js';

/**
 * Turns GitHub's file listing into the changes the diff report reads. GitHub
 * omits the `patch` of a diff too large or binary to show. Such a file counts
 * as changed on every line when GitHub reports added or removed lines, and as
 * unchanged when it was only renamed or had its mode changed.
 */
export function fileChangesOf(files: readonly ChangedFile[]): Map<string, FileChange> {
  const changes = new Map<string, FileChange>();
  for (const file of files) {
    if (file.status === 'removed') continue;
    if (file.patch !== undefined) changes.set(file.path, fileChangeFromPatch(parsePatch(file.patch)));
    else if (file.additions + file.deletions === 0) changes.set(file.path, fileChangeFromPatch(parsePatch('')));
    else changes.set(file.path, WHOLE_FILE_CHANGE);
  }
  return changes;
}

/** Describes, for the summary, the files among `files` that have no diff to comment on. */
export function missingPatchNotes(files: readonly ChangedFile[]): string[] {
  const notes: string[] = [];
  for (const file of files) {
    if (file.patch !== undefined || file.status === 'removed') continue;
    if (file.additions + file.deletions === 0) {
      const from = file.previousPath === undefined ? '' : ` from ${inlineCode(file.previousPath)}`;
      notes.push(`${inlineCode(file.path)} was renamed${from} without changes to its lines, so its findings count as pre-existing.`);
    } else {
      notes.push(
        `GitHub shows no diff for ${inlineCode(file.path)}, because it is too large or binary, so promgate counts all its lines as changed and cannot comment on them; the annotations and the list below cover it.`,
      );
    }
  }
  return notes;
}

/** Lists every path a pull request touches, for checks about the pull request as a whole: a rename touches its old path too. */
export function changedPaths(files: readonly ChangedFile[]): string[] {
  const paths = new Set<string>();
  for (const file of files) {
    paths.add(file.path);
    if (file.previousPath !== undefined) paths.add(file.previousPath);
  }
  return [...paths];
}
