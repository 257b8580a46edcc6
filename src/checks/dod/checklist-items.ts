/** A task-list item of a pull request description: `- [x] Alerts added` or `- [ ] Dashboard: N/A`. */
export interface ChecklistItem {
  text: string;
  state: 'ticked' | 'not-applicable' | 'open';
}

const TASK = /^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$/gm;
const NOT_APPLICABLE = /\b(?:n\/a|not applicable)\b/i;

/** Reads the task-list items of a markdown text. An open item whose text contains `N/A` or `not applicable` counts as answered. */
export function parseChecklist(markdown: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const match of markdown.matchAll(TASK)) {
    const text = match[2]!;
    const ticked = match[1] !== ' ';
    items.push({ text, state: ticked ? 'ticked' : NOT_APPLICABLE.test(text) ? 'not-applicable' : 'open' });
  }
  return items;
}

/** Finds the item whose text contains `words`, ignoring case. */
export function findChecklistItem(items: readonly ChecklistItem[], words: string): ChecklistItem | undefined {
  const wanted = words.toLowerCase();
  return items.find((item) => item.text.toLowerCase().includes(wanted));
}
