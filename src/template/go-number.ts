// Decides whether a number constant of a template parses, following the
// order of checks Go's text/template uses: an imaginary constant, then
// strconv.ParseUint and ParseInt with base 0, then ParseFloat. Only the
// verdict and the error message matter here, not the value.

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;
const PREFIX_BASES: Readonly<Record<string, number>> = { b: 2, o: 8, x: 16 };

/** Returns Go's error message for a number or complex constant, or undefined when it is valid. */
export function checkGoNumber(text: string, complex: boolean): string | undefined {
  if (complex) return checkComplex(text);
  if (text.endsWith('i') && parseGoFloat(text.slice(0, -1)) === 'ok') return undefined;
  if (parseGoInteger(text, false) === 'ok' || parseGoInteger(text, true) === 'ok') return undefined;
  if (parseGoFloat(text) === 'ok') {
    // A float that looks like an integer is an integer too large for 64 bits.
    return /[.eEpP]/.test(text) ? undefined : `integer overflow: ${JSON.stringify(text)}`;
  }
  return `illegal number syntax: ${JSON.stringify(text)}`;
}

/** Checks a complex constant such as `1+2i`, whose parts Go reads as floats. Returns Go's error message, or undefined when valid. */
function checkComplex(text: string): string | undefined {
  const signAt = [...text].findIndex((character, index) => index > 0 && (character === '+' || character === '-') && !/[eEpP]/.test(text[index - 1]!));
  const real = signAt === -1 ? text : text.slice(0, signAt);
  const imaginary = signAt === -1 ? '' : text.slice(signAt, -1);
  for (const part of [real, imaginary]) {
    if (parseGoFloat(part) !== 'ok') return `strconv.ParseFloat: parsing ${JSON.stringify(part)}: invalid syntax`;
  }
  return undefined;
}

type Verdict = 'ok' | 'syntax' | 'range';

/** strconv.ParseInt (signed) or ParseUint with base 0 and bit size 64. */
export function parseGoInteger(text: string, signed: boolean): Verdict {
  let rest = text;
  let negative = false;
  if (signed && (rest.startsWith('+') || rest.startsWith('-'))) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '') return 'syntax';

  let base = 10;
  if (rest[0] === '0') {
    // `0b`, `0o` and `0x` need a digit after them; a plain leading 0 means octal.
    const prefixed = rest.length >= 3 ? PREFIX_BASES[rest[1]!.toLowerCase()] : undefined;
    base = prefixed ?? 8;
    rest = rest.slice(prefixed === undefined ? 1 : 2);
  }

  let value = 0n;
  let underscores = false;
  for (const character of rest) {
    if (character === '_') {
      underscores = true;
      continue;
    }
    const digit = Number.parseInt(character, 36);
    if (Number.isNaN(digit) || digit >= base) return 'syntax';
    value = value * BigInt(base) + BigInt(digit);
  }
  if (underscores && !underscoresAllowed(text)) return 'syntax';

  let limit = MAX_UINT64;
  if (signed) limit = negative ? MAX_INT64 + 1n : MAX_INT64;
  return value > limit ? 'range' : 'ok';
}

/** strconv.ParseFloat with bit size 64, for the characters a template number can hold. */
export function parseGoFloat(text: string): Verdict {
  const match = /^[+-]?(?:0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)|([0-9_]*)(?:\.([0-9_]*))?(?:[eE]([+-]?[0-9_]+))?)$/.exec(text);
  if (match === null) return 'syntax';
  const hex = match[3] !== undefined;
  const mantissaDigits = hex ? `${match[1] ?? ''}${match[2] ?? ''}` : `${match[4] ?? ''}${match[5] ?? ''}`;
  if (mantissaDigits.replaceAll('_', '') === '') return 'syntax';
  if (text.includes('_') && !underscoresAllowed(text)) return 'syntax';

  const value = hex ? hexFloatValue(match[1] ?? '', match[2] ?? '', match[3]!) : Number(text.replaceAll('_', ''));
  return Number.isFinite(value) ? 'ok' : 'range';
}

function hexFloatValue(whole: string, fraction: string, exponent: string): number {
  const digits = `${whole}${fraction}`.replaceAll('_', '');
  const mantissa = Number(BigInt(`0x${digits}`));
  const power = Number(exponent.replaceAll('_', '')) - 4 * fraction.replaceAll('_', '').length;
  if (mantissa === 0) return 0;
  // Scale in two steps so neither factor overflows when the result does not.
  const half = Math.trunc(power / 2);
  return mantissa * 2 ** half * 2 ** (power - half);
}

/**
 * Returns whether underscores in a number only separate digits, or follow a
 * base prefix, as Go requires: `1_000` and `0x_1F` but not `1__0`, `_1` or
 * `1_`.
 */
function underscoresAllowed(text: string): boolean {
  let rest = text.replace(/^[+-]/, '');
  let previous: 'start' | 'digit' | 'underscore' | 'other' = 'start';
  let hex = false;
  if (rest.length >= 2 && rest[0] === '0' && 'bBoOxX'.includes(rest[1]!)) {
    hex = 'xX'.includes(rest[1]!);
    rest = rest.slice(2);
    previous = 'digit';
  }
  for (const character of rest) {
    if (/[0-9]/.test(character) || (hex && /[a-fA-F]/.test(character))) {
      previous = 'digit';
    } else if (character === '_') {
      if (previous !== 'digit') return false;
      previous = 'underscore';
    } else {
      if (previous === 'underscore') return false;
      previous = 'other';
    }
  }
  return previous !== 'underscore';
}
