/** One line of a hunk, numbered on the side or sides of the diff it appears on. */
export type DiffLine =
  | { kind: 'added'; text: string; newLine: number }
  | { kind: 'removed'; text: string; oldLine: number }
  | { kind: 'context'; text: string; oldLine: number; newLine: number };

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the closing `@@`, usually the enclosing YAML key or function. */
  section: string;
  lines: DiffLine[];
}

export interface ParsedPatch {
  hunks: DiffHunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses a unified diff as GitHub returns it in the `patch` field of a pull
 * request file: hunks only, without `diff --git`, `---` or `+++` headers.
 * Header lines and anything else outside a hunk are skipped, so a full
 * `git diff` of one file parses too. A hunk ends when its line counts are used
 * up, so `--- a` inside a hunk is read as a removed line, not a file header.
 */
export function parsePatch(patch: string): ParsedPatch {
  const hunks: DiffHunk[] = [];
  let hunk: DiffHunk | undefined;
  let oldLine = 0;
  let newLine = 0;
  let oldRemaining = 0;
  let newRemaining = 0;

  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text);
    if (header !== null) {
      hunk = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        section: header[5] ?? '',
        lines: [],
      };
      hunks.push(hunk);
      oldLine = hunk.oldStart;
      newLine = hunk.newStart;
      oldRemaining = hunk.oldLines;
      newRemaining = hunk.newLines;
      continue;
    }

    // `\ No newline at end of file` annotates the line before it and counts as no line.
    if (hunk === undefined || text.startsWith('\\')) continue;
    if (oldRemaining === 0 && newRemaining === 0) {
      hunk = undefined;
      continue;
    }

    const marker = text[0];
    if (marker === '+' && newRemaining > 0) {
      hunk.lines.push({ kind: 'added', text: text.slice(1), newLine });
      newLine += 1;
      newRemaining -= 1;
    } else if (marker === '-' && oldRemaining > 0) {
      hunk.lines.push({ kind: 'removed', text: text.slice(1), oldLine });
      oldLine += 1;
      oldRemaining -= 1;
    } else if ((marker === ' ' || marker === undefined) && oldRemaining > 0 && newRemaining > 0) {
      // Some tools strip the trailing space of an empty context line, leaving an empty line.
      hunk.lines.push({ kind: 'context', text: text.slice(1), oldLine, newLine });
      oldLine += 1;
      newLine += 1;
      oldRemaining -= 1;
      newRemaining -= 1;
    } else {
      // The line contradicts the hunk's counts: the patch was cut short or is not a diff.
      hunk = undefined;
    }
  }
  return { hunks };
}

/**
 * Returns the line numbers of the new file that a review comment with
 * `side: 'RIGHT'` may point at: added and context lines inside a hunk.
 */
export function rightSideLines(patch: ParsedPatch): Set<number> {
  const lines = new Set<number>();
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.kind !== 'removed') lines.add(line.newLine);
    }
  }
  return lines;
}
