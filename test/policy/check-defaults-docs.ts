import { Document, isMap, isScalar, parseDocument } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';

export const BEGIN_MARKER = '<!-- BEGIN GENERATED: check defaults. Regenerate with PROMGATE_UPDATE_DOCS=1 npx vitest run test/policy/policy-docs.test.ts -->';
export const END_MARKER = '<!-- END GENERATED: check defaults -->';

/**
 * Renders the "Checks and their defaults" section of docs/policy.md from
 * rules/default.yml: one heading per check with its comment, default
 * severity, and a table of its options with their defaults and comments.
 */
export function renderCheckDefaults(defaultsText: string): string {
  const document = parseDocument(defaultsText);
  const checks = document.get('checks');
  if (!isMap(checks)) throw new Error('rules/default.yml has no `checks` mapping');

  const sections = checks.items.map((pair, index) => {
    // yaml attaches the comment above a mapping's first entry to the mapping itself.
    const comment = (pair.key as { commentBefore?: string | null }).commentBefore ?? (index === 0 ? checks.commentBefore : undefined);
    return renderCheck(pair as Pair<unknown, unknown>, comment ?? undefined);
  });
  return sections.join('\n');
}

function renderCheck(pair: Pair<unknown, unknown>, comment: string | undefined): string {
  const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
  const block = pair.value as YAMLMap<unknown, unknown>;
  const severity = String(block.get('severity'));
  const enabled = block.get('enabled') !== false;
  const lines = [`### \`${id}\``, ''];
  if (comment !== undefined) lines.push(joinComment(comment), '');
  lines.push(`Default severity: \`${severity}\`${enabled ? '' : ', disabled by default'}. Details: [docs/checks/${id}.md](checks/${id}.md).`, '');

  const options = block.items.filter((item) => isScalar(item.key) && !['enabled', 'severity'].includes(String(item.key.value)));
  if (options.length === 0) {
    lines.push('No options.', '');
    return lines.join('\n');
  }

  lines.push('| option | default | meaning |', '| --- | --- | --- |');
  block.items.forEach((item, index) => {
    if (!options.includes(item)) return;
    const key = String((item.key as { value: unknown }).value);
    const before = (item.key as { commentBefore?: string | null }).commentBefore ?? (index === 0 ? block.commentBefore : undefined);
    const meaning = before ?? (item.value as { comment?: string | null } | null)?.comment ?? '';
    const value = new Document((item.value as { toJSON(): unknown }).toJSON())
      .toString({ collectionStyle: 'flow', lineWidth: 0 })
      .trim()
      .replace(/^\[ (.*) \]$/, '[$1]');
    lines.push(`| \`${key}\` | \`${value}\` | ${escapeCell(joinComment(meaning))} |`);
  });
  lines.push('');
  return lines.join('\n');
}

function joinComment(comment: string): string {
  return comment
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}
