// Formatting helpers for error messages.

const MAX_QUOTED_LENGTH = 40;

/**
 * Wraps source text in Markdown backticks for a message, using double
 * backticks when the text itself contains one, and shortens long text.
 */
export function quoteForMessage(text: string): string {
  const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  const printable = shown.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (printable.includes('`')) {
    return `\`\` ${printable} \`\``;
  }
  return `\`${printable}\``;
}

/** Describes a value type for messages: "an instant vector", "a scalar", ... */
export function describeValueType(type: 'scalar' | 'vector' | 'matrix' | 'string'): string {
  switch (type) {
    case 'scalar':
      return 'a scalar';
    case 'vector':
      return 'an instant vector';
    case 'matrix':
      return 'a range vector';
    case 'string':
      return 'a string';
  }
}
