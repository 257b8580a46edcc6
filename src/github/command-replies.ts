import { DOCS_BASE_URL } from '../finding.js';
import { inlineCode } from '../report/markdown-text.js';
import { CHECK_RUN_NAME } from './check-run-updates.js';
import { plural, shortSha } from './check-run-result.js';
import { COMMAND_ROLES } from './command-permission.js';
import { MAX_COMMENT_LENGTH } from './comment-limits.js';
import type { CheckPage } from './check-docs.js';
import type { ReviewResult } from './review-pull-request.js';

/** The maximum length of a word from a comment that a reply repeats, so a pasted paragraph is not echoed whole. */
const MAX_ECHOED_LENGTH = 80;

const COMMAND_LIST = [
  '- `/promgate regenerate` regenerates the rule files of the SLO specs at the head commit, as `promgate generate slo` does, and pushes them to the branch in one commit, or replies with a patch when promgate may not push there.',
  '- `/promgate recheck` reviews the latest commit of the pull request again, as **Re-run** on the `promgate` check does. Use it after changing the labels or the description.',
  '- `/promgate explain CHECK` shows the documentation of a check, such as `/promgate explain slo/generated-stale`.',
  '- `/promgate help` shows this list.',
].join('\n');

const USAGE = `Write the command at the start of a line of a pull request comment. People with ${COMMAND_ROLES.map((role) => `\`${role}\``).join(', ')} access to the repository can run them.`;

/** Lists the commands, after saying what was wrong with the comment's command, if anything. */
export function helpReply(login: string, problem?: string): string {
  return [`@${login} ${problem === undefined ? 'promgate runs these commands:' : `${problem} promgate runs these commands:`}`, COMMAND_LIST, USAGE].join('\n\n');
}

/** Replies to `/promgate` followed by a word that is no command. */
export function unknownCommandReply(login: string, word: string): string {
  const problem = word === '' ? '`/promgate` needs a command.' : `${inlineCode(`/promgate ${echo(word)}`)} is not a promgate command.`;
  return helpReply(login, problem);
}

/** Says who may run commands, to a user who may not. */
export function rejectionReply(login: string, repository: string, role: string): string {
  const roles = COMMAND_ROLES.map((name) => `\`${name}\``).join(', ');
  return `@${login} only people with ${roles} access to ${inlineCode(repository)} can run promgate commands, and your access is ${inlineCode(role)}. Ask a maintainer to comment the command.`;
}

/** Shows a check's documentation page, cut to fit a comment. */
export function explainReply(login: string, page: CheckPage): string {
  const intro = `@${login} the documentation of ${inlineCode(page.checkId)}, from ${page.url}:`;
  const room = MAX_COMMENT_LENGTH - intro.length - 200;
  const markdown = page.markdown.length <= room ? page.markdown.trimEnd() : `${page.markdown.slice(0, room).trimEnd()}\n\n…cut to fit a comment; the page has the rest.`;
  return `${intro}\n\n---\n\n${markdown}`;
}

/** Replies to `/promgate explain` with an id that is no check, or without an id. */
export function unknownCheckReply(login: string, checkId: string | undefined, suggestions: readonly string[]): string {
  const listUrl = `${DOCS_BASE_URL}/README.md`;
  if (checkId === undefined) {
    return `@${login} \`/promgate explain\` needs a check id, such as \`/promgate explain slo/generated-stale\`. The checks are listed at ${listUrl}.`;
  }
  const guess = suggestions.length === 0 ? '' : ` Did you mean ${suggestions.map((id) => inlineCode(id)).join(', ')}?`;
  return `@${login} ${inlineCode(echo(checkId))} is not a promgate check.${guess} The checks are listed at ${listUrl}.`;
}

/** Replies to a command on a pull request that was closed or merged. */
export function closedReply(login: string, command: string): string {
  return `@${login} this pull request is closed, so promgate did not run ${inlineCode(`/promgate ${command}`)}. Reopen it first.`;
}

/** Replies after `/promgate recheck` with the conclusion of the new check run. */
export function recheckReply(login: string, headSha: string, result: ReviewResult): string {
  const findings = result.reported.length === 0 ? 'no finding' : plural(result.reported.length, 'finding');
  return `@${login} promgate reviewed ${inlineCode(shortSha(headSha))} again: the \`${CHECK_RUN_NAME}\` check run concluded \`${result.conclusion}\` with ${findings} in the changes.`;
}

/** Replies when a command failed, with what to do next. */
export function failureReply(login: string, command: string, error: unknown, deliveryId: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return [
    `@${login} promgate failed to run ${inlineCode(`/promgate ${command}`)}: ${inlineCode(echo(message, 500))}`,
    `Comment the command again to retry. If it keeps failing, report it with the webhook delivery id ${inlineCode(deliveryId)}.`,
  ].join('\n\n');
}

function echo(text: string, maxLength = MAX_ECHOED_LENGTH): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= maxLength ? line : `${line.slice(0, maxLength - 1)}…`;
}
