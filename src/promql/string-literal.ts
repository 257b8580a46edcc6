// Values of PromQL string literals, which follow Go's quoting rules.
//
// The lexer (lex.ts) has already rejected invalid escape sequences, so this
// only resolves them.

const SIMPLE_ESCAPE_VALUES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/**
 * Returns the value of a quoted literal written with `"`, `'` or a backtick.
 * Backtick strings are raw: no escapes, newlines kept.
 */
export function unquoteString(literal: string): string {
  const quote = literal.charAt(0);
  const body = literal.slice(1, -1);
  if (quote === '`' || !body.includes('\\')) {
    return body;
  }
  let out = '';
  let pos = 0;
  while (pos < body.length) {
    const ch = body.charAt(pos);
    if (ch !== '\\') {
      out += ch;
      pos++;
      continue;
    }
    const kind = body.charAt(pos + 1);
    const simple = SIMPLE_ESCAPE_VALUES[kind];
    if (simple !== undefined) {
      out += simple;
      pos += 2;
      continue;
    }
    // NOTE: Go turns `\xNN` and octal escapes into raw bytes, which may not
    // form valid UTF-8, while here they become the code point U+00NN.
    if (kind >= '0' && kind <= '7') {
      out += String.fromCodePoint(parseInt(body.slice(pos + 1, pos + 4), 8));
      pos += 4;
    } else if (kind === 'x') {
      out += String.fromCodePoint(parseInt(body.slice(pos + 2, pos + 4), 16));
      pos += 4;
    } else if (kind === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(pos + 2, pos + 6), 16));
      pos += 6;
    } else if (kind === 'U') {
      out += String.fromCodePoint(parseInt(body.slice(pos + 2, pos + 10), 16));
      pos += 10;
    } else {
      out += kind;
      pos += 2;
    }
  }
  return out;
}
