// Values of PromQL string literals, which follow Go's quoting rules.
//
// The lexer (lex.ts) has already rejected invalid escape sequences, so this
// only resolves them.

import { decodeGoCharacter } from '../go-quote.js';

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

  // NOTE: Go turns `\xNN` and octal escapes into raw bytes, which may not
  // form valid UTF-8, while here they become the code point U+00NN.
  let value = '';
  for (let index = 0; index < body.length; ) {
    const decoded = decodeGoCharacter(body, index, quote === "'" ? "'" : '"');
    // The lexer rejects every escape Go rejects, so this branch only keeps other text from throwing.
    if (decoded === undefined) {
      value += body.charAt(index);
      index += 1;
      continue;
    }
    value += decoded.value;
    index = decoded.next;
  }
  return value;
}
