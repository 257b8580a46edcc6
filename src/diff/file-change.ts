import { rightSideLines } from './parse-patch.js';
import type { ParsedPatch } from './parse-patch.js';

/**
 * Lines removed at one place of the new file, with the neighbour the removal
 * belongs to. Removed lines have no number in the new file, so a removal is
 * placed in the gap after new-side line `after` (0 for the top of the file).
 */
export interface Removal {
  after: number;
  /**
   * The neighbouring line the removed text belonged to. `above`: it continued
   * the YAML item ending on line `after`, like a removed `for:` at the end of
   * a rule. `below`: it was only comments, which describe what follows, like
   * `# promgate disable`. `none`: it was whole list items, like a removed rule.
   */
  belongsTo: 'above' | 'below' | 'none';
}

/** The lines a change touched in one file, in line numbers of the new file. */
export type FileChange =
  | {
      kind: 'lines';
      /** Lines added or modified. */
      added: ReadonlySet<number>;
      removals: readonly Removal[];
      /** Lines a review comment can point at: added and context lines inside a hunk. */
      commentable: ReadonlySet<number>;
    }
  /** A file whose diff is unknown, such as one GitHub found too large to show: every line counts as changed. */
  | { kind: 'whole' };

/** A file whose diff is unknown; all of it counts as changed and no line can carry a comment. */
export const WHOLE_FILE_CHANGE: FileChange = { kind: 'whole' };

/** Reads the added lines, removals and commentable lines of a parsed patch. */
export function fileChangeFromPatch(patch: ParsedPatch): FileChange {
  const added = new Set<number>();
  const removals: Removal[] = [];

  for (const hunk of patch.hunks) {
    // The new-side line before the current position, where a removal sits.
    let previousNewLine = hunk.newStart - 1;
    let removedBlock: string[] = [];
    const flushRemoval = (): void => {
      if (removedBlock.length === 0) return;
      removals.push({ after: previousNewLine, belongsTo: classifyRemovedBlock(removedBlock) });
      removedBlock = [];
    };

    for (const line of hunk.lines) {
      if (line.kind === 'removed') {
        removedBlock.push(line.text);
        continue;
      }
      flushRemoval();
      if (line.kind === 'added') added.add(line.newLine);
      previousNewLine = line.newLine;
    }
    flushRemoval();
  }

  return { kind: 'lines', added, removals, commentable: rightSideLines(patch) };
}

/** Returns whether the change touched the file at all. */
export function hasAnyChange(change: FileChange): boolean {
  return change.kind === 'whole' || change.added.size > 0 || change.removals.length > 0;
}

/**
 * Returns whether the change touched any of lines `startLine`..`endLine`: a
 * line in the range was added, lines were removed between two lines of the
 * range, or a removal next to the range belonged to it.
 */
export function isRangeChanged(change: FileChange, startLine: number, endLine: number): boolean {
  if (change.kind === 'whole') return true;

  for (const line of change.added) {
    if (line >= startLine && line <= endLine) return true;
  }
  return change.removals.some((removal) => removalTouches(removal, startLine, endLine));
}

/** Returns whether a removal lies between two lines of the range, or belongs to its first or last line. */
export function removalTouches(removal: Removal, startLine: number, endLine: number): boolean {
  return (
    (removal.after >= startLine && removal.after + 1 <= endLine) ||
    (removal.belongsTo === 'above' && removal.after === endLine) ||
    (removal.belongsTo === 'below' && removal.after + 1 === startLine)
  );
}

function classifyRemovedBlock(lines: readonly string[]): Removal['belongsTo'] {
  const meaningful = lines.map((line) => line.trim()).filter((line) => line !== '');
  if (meaningful.length === 0) return 'none';
  if (meaningful.every((line) => line.startsWith('#'))) return 'below';
  // A block that starts with a list item marker removed items of its own, such as a whole rule.
  return /^-(?:\s|$)/.test(meaningful[0] ?? '') ? 'none' : 'above';
}
