/**
 * Wraps text in a code span whose backtick fence is longer than any run of
 * backticks inside it, as CommonMark requires, so a path never breaks out.
 */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/**
 * Escapes `<` outside code spans in markdown written by checks. Their messages
 * quote text from the linted files, and GitHub would otherwise read `<!--` or
 * a tag there as HTML and hide the rest of the comment. Inside code spans `<`
 * is already literal, and an entity would show as typed.
 */
export function escapeHtml(markdown: string): string {
  let escaped = '';
  let index = 0;
  while (index < markdown.length) {
    const open = /`+/g;
    open.lastIndex = index;
    const opening = open.exec(markdown);
    if (opening === null) break;

    const close = closingFence(markdown, opening.index + opening[0].length, opening[0].length);
    escaped += markdown.slice(index, opening.index).replaceAll('<', '&lt;');
    if (close === undefined) {
      // An unmatched fence is literal backticks, so the text after it is plain text.
      escaped += opening[0];
      index = opening.index + opening[0].length;
      continue;
    }
    escaped += markdown.slice(opening.index, close);
    index = close;
  }
  return escaped + markdown.slice(index).replaceAll('<', '&lt;');
}

/** Returns the offset just past the next run of exactly `length` backticks from `from`. */
function closingFence(markdown: string, from: number, length: number): number | undefined {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let run = runs.exec(markdown); run !== null; run = runs.exec(markdown)) {
    if (run[0].length === length) return run.index + length;
  }
  return undefined;
}
