import * as z from 'zod';
import { defineCheck } from '../check.js';
import { findChecklistItem, parseChecklist } from './checklist-items.js';

export default defineCheck({
  id: 'dod/checklist',
  description: "Require the pull request description's monitoring checklist to be ticked or marked N/A.",
  severity: 'warning',
  inputs: ['pull-request'],
  options: z
    .object({
      /** The checklist items, matched by these words in the item's text, ignoring case. */
      items: z.array(z.string().min(1)).min(1),
    })
    .strict(),
  create(context) {
    return {
      pullRequest(change) {
        // `promgate ci` has no description to read.
        if (change.body === undefined) return;
        const checklist = parseChecklist(change.body);
        const listed = context.options.items.map((item) => `- [ ] ${item}`).join('\n');
        const missing: string[] = [];
        const open: string[] = [];
        for (const words of context.options.items) {
          const item = findChecklistItem(checklist, words);
          if (item === undefined) missing.push(words);
          else if (item.state === 'open') open.push(words);
        }
        if (missing.length > 0) {
          context.reportPullRequest({
            message: `The pull request description has no monitoring checklist item for ${missing.map((item) => `"${item}"`).join(', ')}.`,
            fix: `Add the checklist to the description and tick each item, or write N/A after it:\n${listed}`,
          });
        }
        if (open.length > 0) {
          context.reportPullRequest({
            message: `The monitoring checklist items ${open.map((item) => `"${item}"`).join(', ')} are neither ticked nor marked N/A.`,
            fix: 'Tick each item once it is done, or write N/A after it when the change does not need it.',
          });
        }
      },
    };
  },
});
