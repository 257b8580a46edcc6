/** A task-list item of a pull request description: `- [x] Alerts added` or `- [ ] Dashboard: N/A`. */
export interface ChecklistItem {
  text: string;
  state: 'ticked' | 'not-applicable' | 'open';
}

const TASK = /^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$/gm;
const NOT_APPLICABLE = /\b(?:n\/a|not applicable)\b/i;

/** Reads the task-list items of a markdown text. An open item whose text contains `N/A` or `not applicable` counts as not applicable. */
export function parseChecklist(markdown: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const match of markdown.matchAll(TASK)) {
    const text = match[2]!;
    const ticked = match[1] !== ' ';
    let state: ChecklistItem['state'] = 'open';
    if (ticked) state = 'ticked';
    else if (NOT_APPLICABLE.test(text)) state = 'not-applicable';
    items.push({ text, state });
  }
  return items;
}

/** Finds the item whose text contains `words`, ignoring case. */
export function findChecklistItem(items: readonly ChecklistItem[], words: string): ChecklistItem | undefined {
  const needle = words.toLowerCase();
  return items.find((item) => item.text.toLowerCase().includes(needle));
}
