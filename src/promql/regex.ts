// Syntax check for the RE2 regular expressions of `=~` and `!~` matchers.
//
// Prometheus compiles matcher values with Go's regexp package (RE2 syntax
// with Perl extensions), which differs from JavaScript: no lookaround, no
// backreferences, no possessive quantifiers, but `(?i)` flag groups,
// `(?P<name>...)`, `\pL`, `[[:alpha:]]`, `\A`, `\z` and `\Q...\E`. This
// follows the rules of Go's regexp/syntax parser with the Perl flags and
// also computes whether the pattern, fully anchored as Prometheus anchors
// it, matches the empty string.
//
// NOTE: Go's limits on the size and nesting height of the parsed program are
// not checked, so patterns that only fail those limits are accepted.

export interface Re2CheckResult {
  /** Error sentence for an invalid pattern, or undefined when the pattern is valid. */
  error?: string;
  /** Whether `^(?:pattern)$` matches the empty string (false for invalid patterns). */
  matchesEmpty: boolean;
  /** True when the pattern uses `(?<name>...)`, which needs Go 1.22 or later. */
  usesAngleNamedGroup: boolean;
}

const MAX_REPEAT = 1000;
const MAX_NESTING = 1000;

const POSIX_CLASSES: ReadonlySet<string> = new Set([
  'alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct',
  'space', 'upper', 'word', 'xdigit',
]);

// Go's unicode.Categories keys.
const UNICODE_CATEGORIES: ReadonlySet<string> = new Set([
  'C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn',
  'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk',
  'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs',
]);

const FOUR_LETTER_SCRIPTS: ReadonlySet<string> = new Set(['Cham', 'Kawi', 'Lisu', 'Modi', 'Newa', 'Thai', 'Toto']);

const scriptValidity = new Map<string, boolean>();

function isUnicodeClassName(name: string): boolean {
  if (name === 'Any' || UNICODE_CATEGORIES.has(name)) {
    return true;
  }
  // JavaScript also accepts the four-letter ISO 15924 aliases such as `Latn`,
  // which Go rejects. Only these long script names have four letters.
  if (!/^[A-Za-z_]+$/.test(name) || (name.length === 4 && !FOUR_LETTER_SCRIPTS.has(name))) {
    return false;
  }
  let valid = scriptValidity.get(name);
  if (valid === undefined) {
    try {
      new RegExp(`\\p{Script=${name}}`, 'u');
      valid = true;
    } catch {
      valid = false;
    }
    scriptValidity.set(name, valid);
  }
  return valid;
}

class Re2SyntaxError extends Error {}

interface Frame {
  /** Offset of the `(` that opened the group, or -1 for the whole pattern. */
  open: number;
  /** Whether an already finished alternative of this group matches empty. */
  alternativeNullable: boolean;
  /** Whether all items before the last one of the current alternative match empty. */
  concatNullable: boolean;
  /** Whether the last item matches empty, or undefined when the alternative has no item yet. */
  lastNullable: boolean | undefined;
  /** Source of the repetition operator just applied to the last item, or ''. */
  lastRepeat: string;
  /** Largest product of nested counted repeats (`{n,m}`) among the finished items. */
  maxProduct: number;
  /** The same product for the last item. */
  lastProduct: number;
}

function isAlphaNumericAscii(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

function hexValue(ch: string): number {
  return /^[0-9a-fA-F]$/.test(ch) ? parseInt(ch, 16) : -1;
}

class Re2Parser {
  private pos = 0;
  private readonly frames: Frame[] = [];
  usesAngleNamedGroup = false;

  constructor(private readonly pattern: string) {}

  private fail(reason: string): never {
    throw new Re2SyntaxError(reason);
  }

  private get frame(): Frame {
    const frame = this.frames[this.frames.length - 1];
    if (frame === undefined) {
      this.fail('internal parser state is empty');
    }
    return frame;
  }

  private pushItem(nullable: boolean, product = 1): void {
    const frame = this.frame;
    if (frame.lastNullable !== undefined) {
      frame.concatNullable = frame.concatNullable && frame.lastNullable;
    }
    frame.lastNullable = nullable;
    frame.lastRepeat = '';
    frame.maxProduct = Math.max(frame.maxProduct, frame.lastProduct);
    frame.lastProduct = product;
  }

  private newFrame(open: number): Frame {
    return {
      open,
      alternativeNullable: false,
      concatNullable: true,
      lastNullable: undefined,
      lastRepeat: '',
      maxProduct: 1,
      lastProduct: 1,
    };
  }

  private frameNullable(frame: Frame): boolean {
    return frame.alternativeNullable || (frame.concatNullable && (frame.lastNullable ?? true));
  }

  parse(): boolean {
    const src = this.pattern;
    this.frames.push(this.newFrame(-1));
    while (this.pos < src.length) {
      const ch = this.charAt(this.pos);
      let repeat = '';
      switch (ch) {
        case '(':
          this.parseGroupOpen();
          break;
        case '|': {
          const frame = this.frame;
          frame.alternativeNullable = this.frameNullable(frame);
          frame.concatNullable = true;
          frame.lastNullable = undefined;
          frame.maxProduct = Math.max(frame.maxProduct, frame.lastProduct);
          frame.lastProduct = 1;
          this.pos++;
          break;
        }
        case ')':
          this.parseGroupClose();
          break;
        case '^':
        case '$':
          this.pushItem(true);
          this.pos++;
          break;
        case '.':
          this.pushItem(false);
          this.pos++;
          break;
        case '[':
          this.parseClass();
          this.pushItem(false);
          break;
        case '*':
        case '+':
        case '?':
          repeat = this.parseRepeat(ch === '+' ? 1 : 0, 1);
          break;
        case '{': {
          const bounds = this.readRepeatBounds(this.pos);
          if (bounds === undefined) {
            this.pushItem(false);
            this.pos++;
          } else {
            repeat = this.parseRepeat(bounds.min, bounds.length, bounds.max);
          }
          break;
        }
        case '\\':
          this.parseEscapeItem();
          break;
        default:
          this.pushItem(false);
          this.pos += ch.length;
      }
      if (repeat !== '') {
        this.frame.lastRepeat = repeat;
      }
    }
    if (this.frames.length > 1) {
      this.fail('a `(` is missing its closing `)`');
    }
    return this.frameNullable(this.frame);
  }

  private charAt(pos: number): string {
    const code = this.pattern.codePointAt(pos);
    return code === undefined ? '' : String.fromCodePoint(code);
  }

  /** Applies a repetition operator of `length` characters to the last item. */
  private parseRepeat(min: number, length: number, max?: number): string {
    const frame = this.frame;
    const start = this.pos;
    let end = start + length;
    if (this.pattern.charAt(end) === '?') {
      end++;
    }
    const text = this.pattern.slice(start, end);
    if (frame.lastNullable === undefined) {
      this.fail(`the repetition operator \`${text}\` has nothing to repeat`);
    }
    if (frame.lastRepeat !== '') {
      this.fail(
        `\`${frame.lastRepeat}${text}\` stacks repetition operators, which RE2 rejects (no possessive or nested quantifiers); wrap the inner part in a group`,
      );
    }
    if (max !== undefined) {
      const count = this.pattern.slice(start, start + length);
      if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
        this.fail(`the repeat count \`${count}\` is invalid; counts go up to ${MAX_REPEAT} and the maximum must not be below the minimum`);
      }
      // Go also rejects nested counted repeats whose counts multiply to more
      // than 1000, such as `(a{100}){100}`, while `{0}` hides what it repeats.
      const copies = max < 0 ? min : max;
      const product = copies === 0 ? 1 : copies * frame.lastProduct;
      if ((min >= 2 || max >= 2) && product > MAX_REPEAT) {
        this.fail(`the nested repeat counts up to \`${count}\` multiply to more than ${MAX_REPEAT}`);
      }
      frame.lastProduct = product;
    }
    if (min === 0) {
      frame.lastNullable = true;
    }
    this.pos = end;
    return text;
  }

  /** Reads `{n}`, `{n,}` or `{n,m}` at `start`, or returns undefined when the brace is a literal. */
  private readRepeatBounds(start: number): { min: number; max: number; length: number } | undefined {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(start, start + 32));
    if (match === null) {
      return undefined;
    }
    const min = Number(match[1]);
    // -1 marks an open upper bound as in `{2,}`.
    let max = min;
    if (match[2] !== undefined) max = match[3] === '' ? -1 : Number(match[3]);
    return { min, max, length: match[0].length };
  }

  private parseGroupOpen(): void {
    const src = this.pattern;
    const start = this.pos;
    if (this.frames.length > MAX_NESTING) {
      this.fail(`groups are nested more than ${MAX_NESTING} levels deep`);
    }
    if (src.charAt(start + 1) !== '?') {
      this.pos++;
      this.frames.push(this.newFrame(start));
      return;
    }
    const rest = src.slice(start);
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    const isNamed = rest.startsWith('(?P<') ? rest.length > 4 : rest.startsWith('(?<') && rest.length > 3;
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.fail(`\`${rest.slice(0, 4)}\` starts a lookbehind assertion, which RE2 does not support`);
    }
    if (isNamed) {
      if (named === null) {
        this.fail(`the named group \`${rest.slice(0, 20)}\` is missing its closing \`>\``);
      }
      const name = named[1] ?? '';
      if (!/^[A-Za-z0-9_]+$/.test(name)) {
        this.fail(`\`${named[0]}\` is not a valid group name; use letters, digits and \`_\``);
      }
      if (!rest.startsWith('(?P')) {
        this.usesAngleNamedGroup = true;
      }
      this.pos += named[0].length;
      this.frames.push(this.newFrame(start));
      return;
    }
    // Flag group: `(?flags)` or `(?flags:re)`, flags from i, m, s, U with one `-`.
    let pos = start + 2;
    let negated = false;
    let sawFlag = false;
    for (;;) {
      const ch = src.charAt(pos);
      if ('imsU'.includes(ch) && ch !== '') {
        sawFlag = true;
        pos++;
        continue;
      }
      if (ch === '-' && !negated) {
        negated = true;
        sawFlag = false;
        pos++;
        continue;
      }
      if ((ch === ':' || ch === ')') && !(negated && !sawFlag)) {
        this.pos = pos + 1;
        if (ch === ':') {
          this.frames.push(this.newFrame(start));
        } else {
          this.frame.lastRepeat = '';
        }
        return;
      }
      const fragment = src.slice(start, pos + 1);
      if (fragment === '(?=' || fragment === '(?!') {
        this.fail(`\`${fragment}\` starts a lookahead assertion, which RE2 does not support`);
      }
      this.fail(`\`${fragment}\` is not supported RE2 group syntax; use \`(?:...)\`, \`(?P<name>...)\` or flags from \`imsU\``);
    }
  }

  private parseGroupClose(): void {
    if (this.frames.length === 1) {
      this.fail('a `)` has no matching `(`');
    }
    const frame = this.frames.pop() as Frame;
    this.pos++;
    this.pushItem(this.frameNullable(frame), Math.max(frame.maxProduct, frame.lastProduct));
  }

  private parseEscapeItem(): void {
    const src = this.pattern;
    const next = src.charAt(this.pos + 1);
    switch (next) {
      case 'A':
      case 'z':
      case 'B':
        this.pushItem(true);
        this.pos += 2;
        return;
      case 'b':
        // A word boundary needs a word character next to it, so it never matches "".
        this.pushItem(false);
        this.pos += 2;
        return;
      case 'C':
        this.fail('`\\C` (any byte) is not supported by Go\'s RE2');
        break;
      case 'Q': {
        const end = src.indexOf('\\E', this.pos + 2);
        const literal = end < 0 ? src.slice(this.pos + 2) : src.slice(this.pos + 2, end);
        for (const _char of literal) {
          this.pushItem(false);
        }
        this.pos = end < 0 ? src.length : end + 2;
        return;
      }
      default:
        break;
    }
    if (next === 'p' || next === 'P') {
      this.pos = this.parseUnicodeClass(this.pos);
      this.pushItem(false);
      return;
    }
    if ('dDsSwW'.includes(next) && next !== '') {
      this.pos += 2;
      this.pushItem(false);
      return;
    }
    this.pos = this.parseEscape(this.pos).end;
    this.pushItem(false);
  }

  /** Parses `\pL`, `\p{Name}` or `\p{^Name}` at `start` and returns the end offset. */
  private parseUnicodeClass(start: number): number {
    const src = this.pattern;
    const first = src.charAt(start + 2);
    if (first === '') {
      this.fail('`\\p` must be followed by a Unicode class name such as `\\pL` or `\\p{Greek}`');
    }
    if (first !== '{') {
      if (!isUnicodeClassName(first)) {
        this.fail(`\`\\p${first}\` names no Unicode class`);
      }
      return start + 3;
    }
    const close = src.indexOf('}', start + 3);
    if (close < 0) {
      this.fail(`\`${src.slice(start, start + 12)}\` is missing its closing \`}\``);
    }
    let name = src.slice(start + 3, close);
    if (name.startsWith('^')) {
      name = name.slice(1);
    }
    if (!isUnicodeClassName(name)) {
      this.fail(`\`${src.slice(start, close + 1)}\` names no Unicode category or script known to RE2`);
    }
    return close + 1;
  }

  /** Parses a single-character escape at `start` (a backslash). */
  private parseEscape(start: number): { value: number; end: number } {
    const src = this.pattern;
    const ch = this.charAt(start + 1);
    if (ch === '') {
      this.fail('the pattern ends with a lone `\\`');
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80 && !isAlphaNumericAscii(ch)) {
      return { value: code, end: start + 2 };
    }
    const isOctal = (c: string): boolean => c >= '0' && c <= '7' && c !== '';
    if (ch >= '1' && ch <= '7' && !isOctal(src.charAt(start + 2))) {
      this.fail(`\`\\${ch}\` is a backreference, which RE2 does not support`);
    }
    if (ch >= '0' && ch <= '7') {
      let value = code - 48;
      let end = start + 2;
      for (let i = 1; i < 3 && isOctal(src.charAt(end)); i++) {
        value = value * 8 + (src.charCodeAt(end) - 48);
        end++;
      }
      return { value, end };
    }
    if (ch === 'x') {
      if (src.charAt(start + 2) === '{') {
        const close = src.indexOf('}', start + 3);
        const digits = close < 0 ? '' : src.slice(start + 3, close);
        if (!/^[0-9a-fA-F]+$/.test(digits) || parseInt(digits, 16) > 0x10ffff) {
          this.fail(`\`${src.slice(start, close < 0 ? start + 4 : close + 1)}\` is not a valid hex escape`);
        }
        return { value: parseInt(digits, 16), end: close + 1 };
      }
      const high = hexValue(src.charAt(start + 2));
      const low = hexValue(src.charAt(start + 3));
      if (high < 0 || low < 0) {
        this.fail(`\`${src.slice(start, start + 4)}\` is not a valid hex escape; write \`\\xhh\` or \`\\x{hhhh}\``);
      }
      return { value: high * 16 + low, end: start + 4 };
    }
    const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const control = controls[ch];
    if (control !== undefined) {
      return { value: control, end: start + 2 };
    }
    this.fail(`\`\\${ch}\` is not a valid RE2 escape sequence`);
  }

  /** Parses a bracketed character class at the current position. */
  private parseClass(): void {
    const src = this.pattern;
    const open = this.pos;
    let pos = open + 1;
    if (src.charAt(pos) === '^') {
      pos++;
    }
    let first = true;
    while (pos >= src.length || src.charAt(pos) !== ']' || first) {
      if (pos >= src.length) {
        this.fail(`the character class \`${src.slice(open, open + 20)}\` is missing its closing \`]\``);
      }
      first = false;
      if (src.startsWith('[:', pos)) {
        const close = src.indexOf(':]', pos + 2);
        if (close >= 0) {
          let name = src.slice(pos + 2, close);
          if (name.startsWith('^')) {
            name = name.slice(1);
          }
          if (!POSIX_CLASSES.has(name)) {
            this.fail(`\`${src.slice(pos, close + 2)}\` is not a POSIX class; use one such as \`[:alpha:]\` or \`[:digit:]\``);
          }
          pos = close + 2;
          continue;
        }
      }
      if (src.charAt(pos) === '\\') {
        const next = src.charAt(pos + 1);
        if (next === 'p' || next === 'P') {
          pos = this.parseUnicodeClass(pos);
          continue;
        }
        if ('dDsSwW'.includes(next) && next !== '') {
          pos += 2;
          continue;
        }
      }
      const low = this.parseClassChar(pos, open);
      pos = low.end;
      if (src.charAt(pos) === '-' && pos + 1 < src.length && src.charAt(pos + 1) !== ']') {
        const high = this.parseClassChar(pos + 1, open);
        if (high.value < low.value) {
          this.fail(`the range \`${src.slice(low.start, high.end)}\` in a character class runs backwards`);
        }
        pos = high.end;
      }
    }
    this.pos = pos + 1;
  }

  private parseClassChar(pos: number, open: number): { value: number; start: number; end: number } {
    const src = this.pattern;
    if (pos >= src.length) {
      this.fail(`the character class \`${src.slice(open, open + 20)}\` is missing its closing \`]\``);
    }
    if (src.charAt(pos) === '\\') {
      const escape = this.parseEscape(pos);
      return { value: escape.value, start: pos, end: escape.end };
    }
    const ch = this.charAt(pos);
    return { value: ch.codePointAt(0) ?? 0, start: pos, end: pos + ch.length };
  }
}

/** Checks `pattern` with Go's RE2 syntax rules. */
export function checkRe2(pattern: string): Re2CheckResult {
  const parser = new Re2Parser(pattern);
  try {
    const matchesEmpty = parser.parse();
    return { matchesEmpty, usesAngleNamedGroup: parser.usesAngleNamedGroup };
  } catch (error) {
    if (error instanceof Re2SyntaxError) {
      return { error: error.message, matchesEmpty: false, usesAngleNamedGroup: parser.usesAngleNamedGroup };
    }
    throw error;
  }
}
