// Decodes Go string and character literals as strconv.Unquote and
// UnquoteChar do. Go templates and PromQL strings both follow these rules.

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** The number of hex digits after each hex escape letter. */
const HEX_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Decodes one character or escape at `index`. Returns undefined when Go rejects it. */
export function decodeGoCharacter(text: string, index: number, quote: '"' | "'"): { value: string; next: number } | undefined {
  const character = String.fromCodePoint(text.codePointAt(index)!);
  if (character === quote) return undefined;
  if (character !== '\\') return { value: character, next: index + character.length };

  const letter = text[index + 1];
  if (letter === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { value: simple, next: index + 2 };
  if (letter === quote) return { value: quote, next: index + 2 };

  const hexLength = HEX_LENGTHS[letter] ?? 0;
  if (hexLength > 0) {
    const digits = text.slice(index + 2, index + 2 + hexLength);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hexLength) return undefined;
    const code = Number.parseInt(digits, 16);
    if (letter !== 'x' && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) return undefined;
    return { value: String.fromCodePoint(code), next: index + 2 + hexLength };
  }
  if (/[0-7]/.test(letter)) {
    const digits = text.slice(index + 1, index + 4);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const code = Number.parseInt(digits, 8);
    if (code > 255) return undefined;
    return { value: String.fromCodePoint(code), next: index + 4 };
  }
  return undefined;
}

/** Decodes a `"..."` or `` `...` `` literal; returns undefined when strconv.Unquote would fail. */
export function unquoteGoString(literal: string): string | undefined {
  if (literal.length < 2) return undefined;
  const quote = literal[0];
  if (quote !== literal[literal.length - 1]) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? undefined : body.replaceAll('\r', '');
  if (quote !== '"' || body.includes('\n')) return undefined;

  let value = '';
  for (let index = 0; index < body.length; ) {
    const decoded = decodeGoCharacter(body, index, '"');
    if (decoded === undefined) return undefined;
    value += decoded.value;
    index = decoded.next;
  }
  return value;
}

/** Returns Go's error message for a `'c'` constant, or undefined when it is one valid character. */
export function checkGoChar(literal: string): string | undefined {
  const decoded = literal.length >= 2 ? decodeGoCharacter(literal, 1, "'") : undefined;
  if (decoded === undefined) return 'invalid syntax';
  if (literal.slice(decoded.next) !== "'") return `malformed character constant: ${literal}`;
  return undefined;
}
