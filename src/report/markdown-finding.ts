import { escapeHtml, inlineCode } from './markdown-text.js';
import type { Finding } from '../finding.js';

/** Formats the check id as a code span, linked to the check's documentation when the finding has a link. */
export function checkLink(finding: Finding): string {
  const id = inlineCode(finding.check);
  return finding.docs === undefined ? id : `[${id}](${finding.docs})`;
}

/**
 * Renders one finding as a standalone markdown block, for a review comment:
 * severity, linked check id and message, then the fix as its own paragraph.
 */
export function renderFindingMarkdown(finding: Finding): string {
  const lines = [`**${finding.severity}** ${checkLink(finding)}: ${escapeHtml(finding.message)}`];
  if (finding.fix !== undefined) lines.push('', `**Fix:** ${escapeHtml(finding.fix)}`);
  return lines.join('\n');
}

/**
 * Renders one finding as a list item. In a summary grouped by file the file
 * is left out; `withFile` names it, for lists that mix files.
 */
export function renderFindingListItem(finding: Finding, options: { withFile?: boolean } = {}): string {
  const file = options.withFile === true && finding.file !== undefined ? ` in ${inlineCode(finding.file)}` : '';
  const where = finding.line === undefined ? '' : ` on line ${finding.line}`;
  let text = `- **${finding.severity}** ${checkLink(finding)}${file}${where}: ${escapeHtml(finding.message)}`;
  if (finding.fix !== undefined) text += `\n\nFix: ${escapeHtml(finding.fix)}`;

  // Continuation lines are indented so that markdown keeps them inside the list item.
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `  ${line}`))
    .join('\n');
}
