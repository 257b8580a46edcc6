import { InternalError, UserError } from '../errors.js';

/** One file of a `git diff --patch-with-raw -z` output. */
export interface FileDiff {
  /** git's status letter: A added, C copied, D deleted, M modified, R renamed, T type changed, U unmerged. */
  status: string;
  /** The path after the change, relative to the repository root. */
  path: string;
  /** The path before a rename or copy. */
  previousPath?: string;
  /** The file mode after the change, such as `100644`, or `000000` for a deleted file. */
  mode: string;
  /** This file's part of the unified diff, from its `diff --git` line on. */
  patch: string;
}

/**
 * Parses the output of `git diff --patch-with-raw -z`: first one raw entry
 * per file (`:<old mode> <new mode> <old id> <new id> <status>` and one or
 * two paths, each field ending in NUL), then an empty field, then the
 * patches. Patches come in the order of the raw entries, one `diff --git`
 * block each, which pairs them with their paths without reading the quoted
 * paths of the patch headers.
 */
export function parseDiffWithRaw(output: string): FileDiff[] {
  const entries: Omit<FileDiff, 'patch'>[] = [];
  let position = 0;
  const nextField = (): string => {
    const end = output.indexOf('\0', position);
    if (end === -1) throw new InternalError(`failed to parse the output of git diff: a field at offset ${position} has no NUL terminator.`);
    const field = output.slice(position, end);
    position = end + 1;
    return field;
  };

  while (output[position] === ':') {
    const [, mode = '', , , status = ''] = nextField().slice(1).split(' ');
    const letter = status.charAt(0);
    const first = nextField();
    if (letter === 'R' || letter === 'C') entries.push({ status: letter, path: nextField(), previousPath: first, mode });
    else entries.push({ status: letter, path: first, mode });
  }

  const unmerged = entries.find((entry) => entry.status === 'U');
  if (unmerged !== undefined) {
    throw new UserError(`${unmerged.path} has unresolved merge conflicts; resolve them and run promgate ci again, or pass --head to lint a commit.`);
  }

  // The raw entries end with an empty field, which leaves one more NUL before the patches.
  if (output[position] === '\0') position += 1;
  const patches = splitPatches(output.slice(position));
  if (patches.length !== entries.length) {
    throw new InternalError(`failed to parse the output of git diff: it lists ${entries.length} changed files but ${patches.length} patches.`);
  }
  return entries.map((entry, index) => ({ ...entry, patch: patches[index]! }));
}

/** Splits a multi-file patch at its `diff --git` lines. Hunk lines never start so, because each has a one-character prefix. */
function splitPatches(text: string): string[] {
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) blocks.push([]);
    blocks.at(-1)?.push(line);
  }
  return blocks.map((lines) => lines.join('\n'));
}
