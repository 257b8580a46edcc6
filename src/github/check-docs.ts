import { readFile } from 'node:fs/promises';
import { docsUrl } from '../finding.js';
import { editDistance } from '../policy/closest-match.js';

/**
 * promgate's own check pages, read from the installed package. The pages of
 * the repository under review are never read, so a pull request cannot
 * change what `/promgate explain` shows.
 */
const CHECK_DOCS_DIRECTORY = new URL('../../docs/checks/', import.meta.url);

/** The maximum number of check ids a reply suggests for an unknown id. */
const MAX_SUGGESTIONS = 5;

export interface CheckPage {
  checkId: string;
  /** The page's markdown, with relative links made absolute so they work in a comment. */
  markdown: string;
  url: string;
}

/**
 * Reads the documentation page of a registered check. Only ids in
 * `checkIds` are looked up, so the id typed in a comment never becomes a path
 * by itself.
 */
export async function readCheckPage(checkId: string, checkIds: readonly string[]): Promise<CheckPage | undefined> {
  if (!checkIds.includes(checkId)) return undefined;
  const markdown = await readFile(new URL(`${checkId}.md`, CHECK_DOCS_DIRECTORY), 'utf8');
  const url = docsUrl(checkId);
  return { checkId, markdown: absoluteLinks(markdown, url), url };
}

/**
 * Suggests the check ids an unknown id may mean: ids whose part after the `/`
 * is the word, then ids within a few edits of it, then ids that contain it,
 * closest first.
 */
export function suggestCheckIds(word: string, checkIds: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const maxDistance = Math.max(2, Math.floor(lower.length / 3));
  const scored: { checkId: string; score: number }[] = [];
  for (const checkId of checkIds) {
    const id = checkId.toLowerCase();
    const topic = id.slice(id.indexOf('/') + 1);
    const distance = Math.min(editDistance(lower, id), editDistance(lower, topic));
    if (distance <= maxDistance) scored.push({ checkId, score: distance });
    else if (lower.length >= 3 && id.includes(lower)) scored.push({ checkId, score: maxDistance + 1 });
  }
  scored.sort((left, right) => left.score - right.score || left.checkId.localeCompare(right.checkId));
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.checkId);
}

/** Resolves relative markdown links against the page's URL, since a comment has no folder to resolve them in. */
function absoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (link, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return link;
    return `](${new URL(target, pageUrl).href})`;
  });
}
