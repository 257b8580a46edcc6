// A scanner that follows the lexical rules of Prometheus' PromQL lexer
// (promql/parser/lex.go, Prometheus 3.x), so that promgate rejects the same
// characters, numbers, strings and bracket nesting that Prometheus rejects.
// The lezer grammar tokenizes more permissively, so this scan runs first.
// It also supplies token positions for error messages.

import { parseDuration } from './duration.js';
import { quoteForMessage } from './message-format.js';

export type TokenKind =
  | 'identifier'
  | 'keyword'
  | 'number'
  | 'duration'
  | 'string'
  | 'operator'
  | 'punctuation';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
  /** True when brackets nest deeper than the limit, so the input is not parsed further. */
  tooDeep?: true;
}

export interface LexResult {
  tokens: Token[];
  error?: LexError;
  /**
   * The input with number tokens that lezer cannot tokenize (`5.`, `0X1F`)
   * and function names that lezer does not know replaced by stand-ins of
   * the same length, so offsets stay identical.
   */
  lezerSource: string;
}

/** Words the Prometheus lexer treats as keywords, in lower case. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'unless', 'atan2',
  'sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk',
  'count_values', 'quantile', 'limitk', 'limit_ratio',
  'offset', 'smoothed', 'anchored', 'by', 'without', 'on', 'ignoring', 'group_left',
  'group_right', 'bool', 'start', 'end', 'step',
]);

/** Words inside `[...]` that experimental duration expressions use. */
const DURATION_KEYWORDS: ReadonlySet<string> = new Set(['step', 'range', 'min', 'max', 'min_of', 'max_of']);

/**
 * Functions that promgate supports but the lezer grammar does not, mapped to
 * a function name of the same length that the grammar defines. Lezer parses
 * the call with the stand-in, and promgate reads the real name from the input.
 */
const LEZER_FUNCTION_STAND_INS: Readonly<Record<string, string>> = {
  holt_winters: 'day_of_month',
  integral: 'increase',
};

const DECIMAL_DIGITS = '0123456789';
const HEX_DIGITS = '0123456789abcdefABCDEF';

// The lezer grammar's number token. Other numbers are rewritten for lezer.
const LEZER_NUMBER =
  /^(?:(?:\d+(?:_?\d)*(?:\.\d+(?:_?\d)*)?|\.\d+(?:_?\d)*)(?:[eE][+-]?\d+(?:_?\d)*)?|0x[\da-fA-F]+)$/;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isAlpha(ch: string): boolean {
  return ch === '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

function isAlphaNumeric(ch: string): boolean {
  return isAlpha(ch) || isDigit(ch);
}

class Scanner {
  readonly tokens: Token[] = [];
  error: LexError | undefined;
  pos = 0;
  private readonly openParens: number[] = [];
  private bracketStart = -1;
  private gotColon = false;
  private gotDuration = false;
  private braceStart = -1;
  private rewrites: Array<[start: number, end: number, replacement: string]> = [];

  constructor(
    private readonly src: string,
    private readonly maxDepth: number,
  ) {}

  run(): LexResult {
    while (this.error === undefined && this.step()) {
      // Each step scans one token or skips whitespace and comments.
    }
    return { tokens: this.tokens, error: this.error, lezerSource: this.buildLezerSource() };
  }

  private fail(message: string, start: number, end = this.src.length): false {
    this.error = { message, start, end };
    return false;
  }

  private emit(kind: TokenKind, start: number, end: number): void {
    this.tokens.push({ kind, start, end });
  }

  private peek(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  private nesting(): number {
    return this.openParens.length + (this.braceStart >= 0 ? 1 : 0) + (this.bracketStart >= 0 ? 1 : 0);
  }

  /** Scans one token, or returns false at the end of input or on an error. */
  private step(): boolean {
    if (this.braceStart >= 0) {
      return this.stepInsideBraces();
    }
    const src = this.src;
    if (this.pos >= src.length) {
      return this.finish();
    }
    const start = this.pos;
    const ch = src.charAt(start);
    if (ch === '#') {
      this.skipComment();
      return true;
    }
    if (isSpace(ch)) {
      this.pos++;
      return true;
    }

    if (this.bracketStart >= 0 && (isAlpha(ch) || ch === ':')) {
      return this.stepDurationWordOrColon(start, ch);
    }
    if (isDigit(ch) || (ch === '.' && isDigit(this.peek(1)))) {
      if (this.bracketStart >= 0) {
        this.gotDuration = true;
      }
      return this.scanNumberOrDuration(start);
    }
    if (ch === '"' || ch === "'") {
      return this.scanQuotedString(start, ch);
    }
    if (ch === '`') {
      return this.scanRawString(start);
    }
    if (isAlpha(ch) || ch === ':') {
      return this.scanIdentifier(start, true);
    }
    return this.stepPunctuation(start, ch);
  }

  private finish(): false {
    const unclosedParen = this.openParens[this.openParens.length - 1];
    if (unclosedParen !== undefined) {
      return this.fail('This `(` is never closed; add the matching `)`.', unclosedParen, unclosedParen + 1);
    }
    if (this.bracketStart >= 0) {
      return this.fail('This `[` is never closed; add the matching `]` after the range, as in `[5m]`.', this.bracketStart, this.bracketStart + 1);
    }
    return false;
  }

  // Inside `[...]` Prometheus accepts only numbers, durations, `:`, arithmetic
  // and the keywords of experimental duration expressions.
  private stepDurationWordOrColon(start: number, ch: string): boolean {
    if (ch === ':') {
      if (!this.gotDuration) {
        return this.fail(
          'A `:` in brackets must follow the subquery range, as in `[1h:5m]`.',
          start,
          start + 1,
        );
      }
      if (this.gotColon) {
        return this.fail('A subquery selector takes only one `:`, as in `[1h:5m]`.', start, start + 1);
      }
      this.gotColon = true;
      this.pos++;
      this.emit('punctuation', start, this.pos);
      return true;
    }
    let end = start;
    while (end < this.src.length && isAlphaNumeric(this.src.charAt(end))) {
      end++;
    }
    const word = this.src.slice(start, end);
    if (!DURATION_KEYWORDS.has(word.toLowerCase())) {
      return this.fail(
        `Unexpected ${quoteForMessage(word)} inside a range or subquery selector; expected a duration such as \`5m\`, \`:\` or \`]\`.`,
        start,
        end,
      );
    }
    this.pos = end;
    this.gotDuration = true;
    this.emit('keyword', start, end);
    return true;
  }

  private stepPunctuation(start: number, ch: string): boolean {
    const next = this.peek(1);
    this.pos++;
    switch (ch) {
      case ',':
      case '@':
        this.emit('punctuation', start, this.pos);
        return true;
      case '*':
      case '/':
      case '%':
      case '+':
      case '-':
      case '^':
        this.emit('operator', start, this.pos);
        return true;
      case '=':
        if (next === '=') {
          this.pos++;
        } else if (next === '~') {
          return this.fail(
            '`=~` is only valid inside a label matcher such as `{job=~"api.*"}`; compare values with `==`.',
            start,
            start + 2,
          );
        }
        this.emit('operator', start, this.pos);
        return true;
      case '!':
        if (next !== '=') {
          return this.fail(
            '`!` must be followed by `=` to form the `!=` operator, or by `~` inside a label matcher (`!~`).',
            start,
            start + 1,
          );
        }
        this.pos++;
        this.emit('operator', start, this.pos);
        return true;
      case '<':
      case '>':
        // `</` and `>/` are the histogram trim operators of Prometheus 3.
        if (next === '=' || next === '/') {
          this.pos++;
        }
        this.emit('operator', start, this.pos);
        return true;
      case '(':
        this.openParens.push(start);
        this.emit('punctuation', start, this.pos);
        return this.checkDepth(start);
      case ')':
        if (this.openParens.pop() === undefined) {
          return this.fail('Unexpected `)` without a matching `(`; remove it or add the missing `(`.', start, start + 1);
        }
        this.emit('punctuation', start, this.pos);
        return true;
      case '{':
        this.braceStart = start;
        this.emit('punctuation', start, this.pos);
        return this.checkDepth(start);
      case '[':
        if (this.bracketStart >= 0) {
          return this.fail(
            'Unexpected `[` inside a range or subquery selector; brackets cannot be nested.',
            start,
            start + 1,
          );
        }
        this.bracketStart = start;
        this.gotColon = false;
        this.gotDuration = false;
        this.emit('punctuation', start, this.pos);
        return this.checkDepth(start);
      case ']':
        if (this.bracketStart < 0) {
          return this.fail('Unexpected `]` without a matching `[`; remove it or add the missing `[`.', start, start + 1);
        }
        this.bracketStart = -1;
        this.emit('punctuation', start, this.pos);
        return true;
      default:
        return this.fail(
          `Unexpected character ${quoteForMessage(ch)}; remove it, or put it inside a quoted string.`,
          start,
          start + ch.length,
        );
    }
  }

  private checkDepth(start: number): boolean {
    if (this.nesting() > this.maxDepth) {
      this.fail(
        `The expression nests brackets more than ${this.maxDepth} levels deep; promgate rejects deeper nesting. Split it, for example into recording rules.`,
        start,
        start + 1,
      );
      this.error = { ...(this.error as LexError), tooDeep: true };
      return false;
    }
    return true;
  }

  private stepInsideBraces(): boolean {
    const src = this.src;
    if (this.pos >= src.length) {
      return this.fail('This `{` is never closed; add `}` after the label matchers.', this.braceStart, this.braceStart + 1);
    }
    const start = this.pos;
    const ch = src.charAt(start);
    if (ch === '#') {
      this.skipComment();
      return true;
    }
    if (isSpace(ch)) {
      this.pos++;
      return true;
    }
    if (isAlpha(ch)) {
      return this.scanIdentifier(start, false);
    }
    if (ch === '"' || ch === "'") {
      return this.scanQuotedString(start, ch);
    }
    if (ch === '`') {
      return this.scanRawString(start);
    }

    const next = this.peek(1);
    this.pos++;
    switch (ch) {
      case ',':
        this.emit('punctuation', start, this.pos);
        return true;
      case '=':
        if (next === '~') {
          this.pos++;
        }
        this.emit('operator', start, this.pos);
        return true;
      case '!':
        if (next !== '~' && next !== '=') {
          return this.fail(
            '`!` inside braces must be followed by `=` or `~`, as in `job!="api"` or `job!~"api.*"`.',
            start,
            start + 1,
          );
        }
        this.pos++;
        this.emit('operator', start, this.pos);
        return true;
      case '{':
        return this.fail('Unexpected `{` inside label matchers; close the previous `{` first.', start, start + 1);
      case '}':
        this.braceStart = -1;
        this.emit('punctuation', start, this.pos);
        return true;
      default:
        return this.fail(
          `Unexpected character ${quoteForMessage(ch)} inside label matchers; expected a label name, an operator (\`=\`, \`!=\`, \`=~\`, \`!~\`), a quoted value, \`,\` or \`}\`.`,
          start,
          start + ch.length,
        );
    }
  }

  private skipComment(): void {
    const src = this.src;
    while (this.pos < src.length && src.charAt(this.pos) !== '\n' && src.charAt(this.pos) !== '\r') {
      this.pos++;
    }
  }

  private scanIdentifier(start: number, allowColon: boolean): boolean {
    const src = this.src;
    let end = start;
    while (end < src.length) {
      const ch = src.charAt(end);
      if (!isAlphaNumeric(ch) && !(allowColon && ch === ':')) {
        break;
      }
      end++;
    }
    this.pos = end;
    const standIn = LEZER_FUNCTION_STAND_INS[src.slice(start, end)];
    if (allowColon && standIn !== undefined && /^[ \t\r\n]*\(/.test(src.slice(end, end + 64))) {
      this.rewrites.push([start, end, standIn]);
    }
    const word = src.slice(start, end).toLowerCase();
    if (allowColon && word === 'offset' && this.expectsOperand()) {
      // Prometheus accepts `offset` as a metric name, but lezer always reads it
      // as the keyword, so lezer gets a plain identifier in operand position.
      this.rewrites.push([start, end, 'x'.repeat(end - start)]);
      this.emit('identifier', start, end);
      return true;
    }
    if (allowColon && (word === 'inf' || word === 'nan')) {
      this.emit('number', start, end);
    } else {
      this.emit(allowColon && KEYWORDS.has(word) ? 'keyword' : 'identifier', start, end);
    }
    return true;
  }

  /** Returns whether the previous token leaves the parser expecting an operand, as at the start of input. */
  private expectsOperand(): boolean {
    const previous = this.tokens[this.tokens.length - 1];
    if (previous === undefined || previous.kind === 'operator') {
      return true;
    }
    const text = this.src.slice(previous.start, previous.end).toLowerCase();
    return text === '(' || text === ',' || ['and', 'or', 'unless', 'atan2', 'bool'].includes(text);
  }

  private scanNumberOrDuration(start: number): boolean {
    const numberEnd = scanNumber(this.src, start);
    if (numberEnd.ok) {
      this.pos = numberEnd.end;
      this.emit('number', start, this.pos);
      const text = this.src.slice(start, this.pos);
      if (!isPlainDigits(text) && !LEZER_NUMBER.test(text)) {
        this.rewrites.push([start, this.pos, '1'.repeat(this.pos - start)]);
      }
      return true;
    }
    const durationEnd = scanRemainingDuration(this.src, numberEnd.end);
    if (durationEnd !== undefined) {
      const parsed = parseDuration(this.src.slice(start, durationEnd));
      if (!parsed.ok) {
        return this.fail(parsed.error, start, durationEnd);
      }
      this.pos = durationEnd;
      this.emit('duration', start, this.pos);
      return true;
    }
    let end = numberEnd.end;
    while (end < this.src.length && isAlphaNumeric(this.src.charAt(end))) {
      end++;
    }
    const text = this.src.slice(start, Math.max(end, start + 1));
    return this.fail(
      `${quoteForMessage(text)} is not a valid number or duration; write a number such as \`10\`, \`0.5\` or \`1e3\`, or a duration such as \`5m\` or \`1h30m\`.`,
      start,
      Math.max(end, start + 1),
    );
  }

  private scanQuotedString(start: number, quote: string): boolean {
    const src = this.src;
    let pos = start + 1;
    for (;;) {
      if (pos >= src.length || src.charAt(pos) === '\n') {
        return this.fail(
          `This string is not terminated; add the closing ${quoteForMessage(quote)} on the same line.`,
          start,
          pos,
        );
      }
      const ch = src.charAt(pos);
      if (ch === quote) {
        pos++;
        break;
      }
      if (ch === '\\') {
        const escapeError = checkEscape(src, pos, quote);
        if (escapeError !== undefined) {
          return this.fail(escapeError.message, start, escapeError.end);
        }
        pos = escapeEnd(src, pos);
        continue;
      }
      if (isInvalidUtf8(src, pos)) {
        return this.fail(
          `This string contains an invalid UTF-8 character (U+FFFD or an unpaired surrogate), which Prometheus rejects.`,
          start,
          pos + 1,
        );
      }
      pos += isHighSurrogatePair(src, pos) ? 2 : 1;
    }
    this.pos = pos;
    this.emit('string', start, pos);
    return true;
  }

  private scanRawString(start: number): boolean {
    const src = this.src;
    let pos = start + 1;
    for (;;) {
      if (pos >= src.length) {
        return this.fail(
          `This raw string is not terminated; add the closing backtick.`,
          start,
          pos,
        );
      }
      if (src.charAt(pos) === '`') {
        pos++;
        break;
      }
      if (isInvalidUtf8(src, pos)) {
        return this.fail(
          `This raw string contains an invalid UTF-8 character (U+FFFD or an unpaired surrogate), which Prometheus rejects.`,
          start,
          pos + 1,
        );
      }
      pos += isHighSurrogatePair(src, pos) ? 2 : 1;
    }
    this.pos = pos;
    this.emit('string', start, pos);
    return true;
  }

  private buildLezerSource(): string {
    if (this.rewrites.length === 0) {
      return this.src;
    }
    let out = '';
    let last = 0;
    for (const [start, end, replacement] of this.rewrites) {
      out += this.src.slice(last, start) + replacement;
      last = end;
    }
    return out + this.src.slice(last);
  }
}

function isPlainDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      return false;
    }
  }
  return true;
}

function isHighSurrogatePair(src: string, pos: number): boolean {
  const code = src.charCodeAt(pos);
  const next = src.charCodeAt(pos + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

// Prometheus decodes the input as UTF-8 and rejects the replacement
// character U+FFFD in strings (Go reports it as utf8.RuneError). A lone
// surrogate would turn into U+FFFD when the string is encoded as UTF-8.
function isInvalidUtf8(src: string, pos: number): boolean {
  const code = src.charCodeAt(pos);
  if (code === 0xfffd) {
    return true;
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    return !isHighSurrogatePair(src, pos);
  }
  return code >= 0xdc00 && code <= 0xdfff;
}

interface EscapeError {
  message: string;
  end: number;
}

const SIMPLE_ESCAPES = 'abfnrtv\\';

function hexDigitValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'a' && ch <= 'f') return ch.charCodeAt(0) - 87;
  if (ch >= 'A' && ch <= 'F') return ch.charCodeAt(0) - 55;
  return 16;
}

/** Validates the escape sequence at `pos` (a backslash) with Go's rules. */
function checkEscape(src: string, pos: number, quote: string): EscapeError | undefined {
  const ch = src.charAt(pos + 1);
  if (ch === '') {
    return { message: 'The string ends inside an escape sequence; complete it or remove the `\\`.', end: pos + 1 };
  }
  if (SIMPLE_ESCAPES.includes(ch) || ch === quote) {
    return undefined;
  }

  let digits: number;
  let base: number;
  let max: number;
  let first = pos + 2;
  if (ch >= '0' && ch <= '7') {
    [digits, base, max, first] = [3, 8, 255, pos + 1];
  } else if (ch === 'x') {
    [digits, base, max] = [2, 16, 255];
  } else if (ch === 'u') {
    [digits, base, max] = [4, 16, 0x10ffff];
  } else if (ch === 'U') {
    [digits, base, max] = [8, 16, 0x10ffff];
  } else {
    const shown = isHighSurrogatePair(src, pos + 1) ? src.slice(pos, pos + 3) : src.slice(pos, pos + 2);
    return {
      message: `Unknown escape sequence ${quoteForMessage(shown)} in a string; valid escapes are \`\\a \\b \\f \\n \\r \\t \\v \\\\\`, the quote character, octal \`\\nnn\` and hex \`\\xnn \\unnnn \\Unnnnnnnn\`. Use a backtick string for literal backslashes.`,
      end: pos + 2,
    };
  }

  let value = 0;
  for (let i = 0; i < digits; i++) {
    const digit = src.charAt(first + i);
    const digitValue = hexDigitValue(digit);
    if (digitValue >= base) {
      const sequence = src.slice(pos, first + i + (digit === '' ? 0 : 1));
      return digit === '' || digit === '\n'
        ? { message: `The escape sequence ${quoteForMessage(sequence)} is not terminated; it needs ${digits} digits.`, end: first + i }
        : {
            message: `Invalid character ${quoteForMessage(digit)} in the escape sequence ${quoteForMessage(sequence)}; it needs ${digits} ${base === 8 ? 'octal' : 'hexadecimal'} digits.`,
            end: first + i + 1,
          };
    }
    value = value * base + digitValue;
  }
  if (value > max || (value >= 0xd800 && value < 0xe000)) {
    return {
      message: `The escape sequence ${quoteForMessage(src.slice(pos, first + digits))} is not a valid Unicode code point.`,
      end: first + digits,
    };
  }
  return undefined;
}

/** Returns the offset after the (valid) escape sequence at `pos`. */
function escapeEnd(src: string, pos: number): number {
  const ch = src.charAt(pos + 1);
  if (ch >= '0' && ch <= '7') return pos + 4;
  if (ch === 'x') return pos + 4;
  if (ch === 'u') return pos + 6;
  if (ch === 'U') return pos + 10;
  return pos + 2;
}

interface NumberScan {
  ok: boolean;
  /** Offset where the scan stopped, and where the duration scan continues. */
  end: number;
}

/**
 * Scans a number the way Prometheus 3 does: decimal or hex digits, one dot,
 * one exponent and single underscores between digits. The text still has to
 * parse as a Go number afterwards (see number-literal.ts).
 *
 * NOTE: In hex numbers `e` and `E` are read as digits, as promtool 2.42 does.
 * The current Prometheus lexer reads them as an exponent marker, which
 * rejects literals such as `0xfe`; promgate does not copy that.
 */
export function scanNumber(src: string, start: number): NumberScan {
  const length = src.length;
  let pos = start;
  let hex = false;
  const isDigitAt = (at: number): boolean => {
    const code = src.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      return true;
    }
    const lower = code | 0x20;
    return hex && lower >= 97 && lower <= 102;
  };
  if (src.charCodeAt(pos) === 48) {
    pos++;
    const x = src.charCodeAt(pos);
    if (x === 120 || x === 88) {
      pos++;
      hex = true;
      if (src.charCodeAt(pos) === 95) {
        pos++;
      }
    }
  }
  if (src.charCodeAt(pos) === 46) {
    pos++;
  }
  if (pos < length && isDigitAt(pos)) {
    pos++;
  }
  let dotSeen = false;
  let exponentSeen = false;
  while (pos < length) {
    const code = src.charCodeAt(pos);
    const isExponent = code === 101 || code === 69;
    if (code === 46) {
      pos++;
      if (dotSeen || hex) {
        return { ok: false, end: pos };
      }
      dotSeen = true;
      const next = src.charCodeAt(pos);
      if (next === 95 || next === 46) {
        return { ok: false, end: pos + 1 };
      }
    } else if (isExponent && !hex) {
      pos++;
      if (exponentSeen) {
        return { ok: false, end: pos };
      }
      exponentSeen = true;
      const sign = src.charCodeAt(pos);
      if (sign === 43 || sign === 45) {
        pos++;
      }
      const next = src.charCodeAt(pos);
      if (pos >= length || next === 46 || next === 95 || next === 101 || next === 69) {
        return { ok: false, end: pos >= length ? pos : pos + 1 };
      }
    } else if (code === 95) {
      pos++;
      const next = src.charCodeAt(pos);
      if (pos >= length || next === 46 || next === 95 || next === 101 || next === 69) {
        return { ok: false, end: pos >= length ? pos : pos + 1 };
      }
    } else if (isDigitAt(pos)) {
      pos++;
    } else {
      break;
    }
  }
  if (pos === start) {
    return { ok: false, end: pos };
  }
  return { ok: pos >= length || !isAlphaNumeric(src.charAt(pos)), end: pos };
}

/** Continues a failed number scan as a duration such as `5m` or `1h30m` and returns its end. */
function scanRemainingDuration(src: string, from: number): number | undefined {
  let pos = from;
  const accept = (chars: string): boolean => {
    if (pos < src.length && chars.includes(src.charAt(pos))) {
      pos++;
      return true;
    }
    return false;
  };
  if (!accept('smhdwy')) {
    return undefined;
  }
  accept('s');
  while (accept(DECIMAL_DIGITS)) {
    while (accept(DECIMAL_DIGITS)) {
      // Consume the rest of the digits.
    }
    if (!accept('smhdw')) {
      return undefined;
    }
    accept('s');
  }
  if (pos < src.length && isAlphaNumeric(src.charAt(pos))) {
    return undefined;
  }
  return pos;
}

/** Scans `src` with Prometheus' lexical rules and stops at the first lexical error. */
export function lexPromql(src: string, maxDepth: number): LexResult {
  return new Scanner(src, maxDepth).run();
}

/** Returns the index of the first token that ends after `offset`, or `tokens.length`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const token = tokens[middle];
    if (token !== undefined && token.end <= offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
