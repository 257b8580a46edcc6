/** A `/promgate` command read from a comment. */
export type CommentCommand =
  | { name: 'regenerate' | 'recheck' | 'help' }
  | { name: 'explain'; checkId: string | undefined }
  /** `/promgate` alone, or followed by a word that is no command; `word` is empty for the former. */
  | { name: 'unknown'; word: string };

const COMMAND_PREFIX = '/promgate';
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reads the first `/promgate` command of a comment. A command must start its
 * line, exactly as `/promgate`, so a comment that mentions the command in a
 * sentence, a quote or a fenced code block runs nothing.
 */
export function parseCommentCommand(body: string): CommentCommand | undefined {
  let fence: string | undefined;
  for (const rawLine of body.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch !== null) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;

    if (!line.startsWith(COMMAND_PREFIX)) continue;
    const rest = line.slice(COMMAND_PREFIX.length);
    // `/promgates` or `/promgate-x` is another word, not the command.
    if (rest !== '' && !/^\s/.test(rest)) continue;
    const [word = '', argument] = rest.trim().split(/\s+/);
    if (word === 'regenerate' || word === 'recheck' || word === 'help') return { name: word };
    if (word === 'explain') return { name: 'explain', checkId: argument };
    return { name: 'unknown', word };
  }
  return undefined;
}

/** The author of a comment, as webhook payloads describe it. */
export interface CommentAuthor {
  login: string;
  type?: string | undefined;
}

/**
 * Returns whether a comment comes from a bot, promgate included, so that bots
 * cannot run commands and promgate never replies to its own comments. GitHub
 * marks App accounts with type `Bot` and a login ending in `[bot]`.
 */
export function isBotAuthor(author: CommentAuthor): boolean {
  return author.type === 'Bot' || author.login.endsWith('[bot]');
}
