// Values of PromQL number literals.
//
// Prometheus first tries Go's strconv.ParseInt(text, 0, 64), which reads
// `0x` hex and leading-zero octal integers, and falls back to
// strconv.ParseFloat. The lexer (lex.ts) has already fixed the shape of the
// token: decimal or `0x` digits, one dot, one exponent, single underscores.

export type NumberParseResult = { ok: true; value: number } | { ok: false; error: string };

const MAX_INT64 = 9_223_372_036_854_775_807n;

// Go allows an underscore only between two digits, or between a base prefix
// and a digit.
function underscoresValid(text: string, hex: boolean): boolean {
  let previous = hex ? 'digit' : 'start';
  for (let i = hex ? 2 : 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const isDigit = (ch >= '0' && ch <= '9') || (hex && /[a-fA-F]/.test(ch));
    if (isDigit) {
      previous = 'digit';
    } else if (ch === '_') {
      if (previous !== 'digit') {
        return false;
      }
      previous = 'underscore';
    } else {
      if (previous === 'underscore') {
        return false;
      }
      previous = 'other';
    }
  }
  return previous !== 'underscore';
}

/** Digits without a leading zero, or a single `0`: the common case, parsed directly. */
function isPlainDecimal(text: string): boolean {
  if (text.length === 0 || text.length > 15 || (text.charCodeAt(0) === 48 && text.length > 1)) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      return false;
    }
  }
  return true;
}

function outOfRange(text: string): NumberParseResult {
  return {
    ok: false,
    error: `The number \`${text}\` is out of range for a 64-bit float.`,
  };
}

function invalid(text: string): NumberParseResult {
  return {
    ok: false,
    error: `\`${text}\` is not a valid number; write a decimal such as \`10\` or \`0.5\`, a hex integer such as \`0x1f\`, or \`Inf\`/\`NaN\`.`,
  };
}

/** Parses a number token's text into its value with Prometheus' rules. */
export function parseNumberLiteral(text: string): NumberParseResult {
  if (isPlainDecimal(text)) {
    return { ok: true, value: Number(text) };
  }
  const lower = text.toLowerCase();
  if (lower === 'inf') {
    return { ok: true, value: Infinity };
  }
  if (lower === 'nan') {
    return { ok: true, value: NaN };
  }
  const hex = lower.startsWith('0x');
  if (text.includes('_') && !underscoresValid(text, hex)) {
    return invalid(text);
  }
  const plain = text.replace(/_/g, '');
  if (hex) {
    const digits = plain.slice(2);
    if (!/^[0-9a-fA-F]+$/.test(digits)) {
      return invalid(text);
    }
    // A hex integer beyond int64 fails ParseInt, and ParseFloat rejects hex
    // mantissas without a `p` exponent, so Prometheus reports an error.
    const value = BigInt(`0x${digits}`);
    return value > MAX_INT64 ? outOfRange(text) : { ok: true, value: Number(value) };
  }
  if (/^[0-9]+$/.test(plain)) {
    if (plain.length > 1 && plain.startsWith('0') && /^[0-7]+$/.test(plain)) {
      const octal = BigInt(`0o${plain.slice(1)}`);
      if (octal <= MAX_INT64) {
        return { ok: true, value: Number(octal) };
      }
    }
    return { ok: true, value: Number(plain) };
  }
  if (!/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(plain)) {
    return invalid(text);
  }
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : outOfRange(text);
}
