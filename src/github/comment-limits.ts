/** GitHub rejects an issue comment whose body is longer than 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536;

/**
 * Wraps lines in a fenced code block whose fence is longer than any run of
 * backticks in them, so no line can close the block early.
 */
export function fencedBlock(language: string, lines: readonly string[]): string {
  const fence = fenceFor(lines);
  return [`${fence}${language}`, ...lines, fence].join('\n');
}

/**
 * Joins `before`, a fenced block of as many of `lines` as fit, and `after`
 * into a comment body within GitHub's limit. When lines are left out, the
 * note `cutNote` returns for their count goes after the block.
 */
export function fitLinesInComment(before: string, language: string, lines: readonly string[], after: string, cutNote: (leftOut: number) => string): string {
  const fence = fenceFor(lines);
  // The paragraph breaks between the parts, the fence lines and the longest note the cut can need.
  const reserve = before.length + after.length + cutNote(lines.length).length + 2 * fence.length + language.length + 8;
  const shown: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (reserve + length + line.length + 1 > MAX_COMMENT_LENGTH) break;
    shown.push(line);
    length += line.length + 1;
  }

  const parts = [before, [`${fence}${language}`, ...shown, fence].join('\n')];
  if (shown.length < lines.length) parts.push(cutNote(lines.length - shown.length));
  parts.push(after);
  return parts.filter((part) => part !== '').join('\n\n');
}

function fenceFor(lines: readonly string[]): string {
  let longestRun = 0;
  for (const line of lines) {
    for (const run of line.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  }
  return '`'.repeat(Math.max(3, longestRun + 1));
}
