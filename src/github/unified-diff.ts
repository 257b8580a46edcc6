/** A file whose content a patch changes. */
export interface FileDiffInput {
  path: string;
  /** The content before, or undefined for a new file. */
  before: string | undefined;
  after: string;
}

/** Lines of unchanged context around each change, as `git diff` shows by default. */
const CONTEXT_LINES = 3;

/**
 * The maximum number of edits the line diff searches for. Past it, the file
 * is shown as removed and added whole, because the search keeps a number of
 * points quadratic in the number of edits: about 4 million 32-bit integers,
 * 16 MB, at this limit.
 */
const MAX_EDITS = 2_000;

type Operation = { kind: 'equal' | 'delete' | 'insert'; oldIndex: number; newIndex: number };

interface Lines {
  lines: string[];
  /** Whether the last line has no newline after it, which the patch must mark. */
  missingNewline: boolean;
}

/**
 * Builds the unified diff of one file, as `git diff` prints it, line by line
 * and without a trailing newline, so that a long patch can be cut at any line.
 * `git apply` and `patch -p1` accept the result.
 */
export function unifiedDiff(input: FileDiffInput): string[] {
  const before = splitLines(input.before ?? '');
  const after = splitLines(input.after);
  const header =
    input.before === undefined
      ? [`diff --git a/${input.path} b/${input.path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${input.path}`]
      : [`diff --git a/${input.path} b/${input.path}`, `--- a/${input.path}`, `+++ b/${input.path}`];
  const operations = diffLines(comparisonKeys(before), comparisonKeys(after));
  return [...header, ...hunks(operations, before, after)];
}

function splitLines(text: string): Lines {
  if (text === '') return { lines: [], missingNewline: false };
  const lines = text.split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
    return { lines, missingNewline: false };
  }
  return { lines, missingNewline: true };
}

/** Returns the lines to compare: a last line without a newline differs from the same text with one. */
function comparisonKeys(text: Lines): string[] {
  if (!text.missingNewline) return text.lines;
  return text.lines.map((line, index) => (index === text.lines.length - 1 ? `${line}\u0000` : line));
}

/** Finds a shortest edit script with Myers' O(ND) algorithm, after taking off the lines both ends share. */
function diffLines(oldLines: readonly string[], newLines: readonly string[]): Operation[] {
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < oldLines.length - prefix && suffix < newLines.length - prefix && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]) suffix += 1;

  const oldMiddle = oldLines.slice(prefix, oldLines.length - suffix);
  const newMiddle = newLines.slice(prefix, newLines.length - suffix);
  const middle = shortestEdit(oldMiddle, newMiddle) ?? replaceAll(oldMiddle.length, newMiddle.length);

  const operations: Operation[] = [];
  for (let index = 0; index < prefix; index += 1) operations.push({ kind: 'equal', oldIndex: index, newIndex: index });
  for (const operation of middle) operations.push({ ...operation, oldIndex: operation.oldIndex + prefix, newIndex: operation.newIndex + prefix });
  for (let index = suffix; index > 0; index -= 1) operations.push({ kind: 'equal', oldIndex: oldLines.length - index, newIndex: newLines.length - index });
  return operations;
}

/**
 * Runs Myers' search and walks back through the furthest points it stored
 * for each number of edits. Returns undefined past `MAX_EDITS`.
 */
function shortestEdit(oldLines: readonly string[], newLines: readonly string[]): Operation[] | undefined {
  const oldLength = oldLines.length;
  const newLength = newLines.length;
  const limit = Math.min(oldLength + newLength, MAX_EDITS);
  const offset = limit + 1;
  // furthest[k + offset] is the furthest old index reached on diagonal k = oldIndex - newIndex.
  const furthest = new Int32Array(2 * limit + 3);
  // trace[d] keeps diagonals -(d + 1)..d + 1 of `furthest` as they were before step d.
  const trace: Int32Array[] = [];

  for (let edits = 0; edits <= limit; edits += 1) {
    trace.push(furthest.slice(offset - edits - 1, offset + edits + 2));
    for (let diagonal = -edits; diagonal <= edits; diagonal += 2) {
      const down = diagonal === -edits || (diagonal !== edits && furthest[offset + diagonal - 1]! < furthest[offset + diagonal + 1]!);
      let oldIndex = down ? furthest[offset + diagonal + 1]! : furthest[offset + diagonal - 1]! + 1;
      let newIndex = oldIndex - diagonal;
      while (oldIndex < oldLength && newIndex < newLength && oldLines[oldIndex] === newLines[newIndex]) {
        oldIndex += 1;
        newIndex += 1;
      }
      furthest[offset + diagonal] = oldIndex;
      if (oldIndex >= oldLength && newIndex >= newLength) return backtrack(trace, oldLength, newLength);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], oldLength: number, newLength: number): Operation[] {
  const reversed: Operation[] = [];
  let oldIndex = oldLength;
  let newIndex = newLength;
  for (let edits = trace.length - 1; edits > 0; edits -= 1) {
    const before = trace[edits]!;
    const at = (diagonal: number): number => before[diagonal + edits + 1]!;
    const diagonal = oldIndex - newIndex;
    const down = diagonal === -edits || (diagonal !== edits && at(diagonal - 1) < at(diagonal + 1));
    const previousDiagonal = down ? diagonal + 1 : diagonal - 1;
    const previousOld = at(previousDiagonal);
    const previousNew = previousOld - previousDiagonal;
    // The shared lines after the edit come first on the way back.
    while (oldIndex > previousOld + (down ? 0 : 1) && newIndex > previousNew + (down ? 1 : 0)) {
      oldIndex -= 1;
      newIndex -= 1;
      reversed.push({ kind: 'equal', oldIndex, newIndex });
    }
    if (down) {
      newIndex -= 1;
      reversed.push({ kind: 'insert', oldIndex, newIndex });
    } else {
      oldIndex -= 1;
      reversed.push({ kind: 'delete', oldIndex, newIndex });
    }
  }
  while (oldIndex > 0 && newIndex > 0) {
    oldIndex -= 1;
    newIndex -= 1;
    reversed.push({ kind: 'equal', oldIndex, newIndex });
  }
  return reversed.reverse();
}

function replaceAll(oldLength: number, newLength: number): Operation[] {
  const operations: Operation[] = [];
  for (let index = 0; index < oldLength; index += 1) operations.push({ kind: 'delete', oldIndex: index, newIndex: 0 });
  for (let index = 0; index < newLength; index += 1) operations.push({ kind: 'insert', oldIndex: oldLength, newIndex: index });
  return operations;
}

/** Groups the changes with their context into hunks, merging hunks whose context would overlap. */
function hunks(operations: readonly Operation[], before: Lines, after: Lines): string[] {
  const changes = operations.flatMap((operation, index) => (operation.kind === 'equal' ? [] : [index]));
  const output: string[] = [];
  let group = 0;
  while (group < changes.length) {
    let last = group;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! <= 2 * CONTEXT_LINES + 1) last += 1;
    const start = Math.max(0, changes[group]! - CONTEXT_LINES);
    const end = Math.min(operations.length, changes[last]! + CONTEXT_LINES + 1);
    output.push(...hunk(operations.slice(start, end), before, after));
    group = last + 1;
  }
  return output;
}

function hunk(operations: readonly Operation[], before: Lines, after: Lines): string[] {
  const first = operations[0]!;
  const oldCount = operations.filter((operation) => operation.kind !== 'insert').length;
  const newCount = operations.filter((operation) => operation.kind !== 'delete').length;
  // An empty side names the line before the hunk, as git does.
  const oldStart = oldCount === 0 ? first.oldIndex : first.oldIndex + 1;
  const newStart = newCount === 0 ? first.newIndex : first.newIndex + 1;

  const lines = [`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`];
  for (const operation of operations) {
    if (operation.kind === 'insert') {
      lines.push(`+${after.lines[operation.newIndex]}`);
      if (after.missingNewline && operation.newIndex === after.lines.length - 1) lines.push('\\ No newline at end of file');
      continue;
    }
    lines.push(`${operation.kind === 'delete' ? '-' : ' '}${before.lines[operation.oldIndex]}`);
    if (before.missingNewline && operation.oldIndex === before.lines.length - 1) lines.push('\\ No newline at end of file');
  }
  return lines;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
