// Splits a Go text/template into items the way Go's lexer does, so the
// parser reads the same token boundaries and the same lexical errors. The
// lexer stops at the first error, which becomes the last item.

export type KeywordType = 'block' | 'break' | 'continue' | 'define' | 'else' | 'end' | 'if' | 'range' | 'template' | 'with' | 'dot' | 'nil';

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'pipe'
  | 'assign'
  | 'declare'
  | 'char'
  | 'leftParen'
  | 'rightParen'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'complex'
  | 'bool'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'eof'
  | 'error'
  | KeywordType;

export interface TemplateItem {
  type: ItemType;
  /** The source text, or the message of an `error` item. */
  value: string;
  start: number;
  end: number;
  /** For an `error` item: where Go's lexer had started the item, which sets the line Go reports. */
  goStart?: number;
}

const KEYWORDS: ReadonlyMap<string, KeywordType> = new Map([
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['template', 'template'],
  ['with', 'with'],
  ['nil', 'nil'],
]);

export function isKeyword(type: ItemType): type is KeywordType {
  return type === 'dot' || [...KEYWORDS.values()].includes(type as KeywordType);
}

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
/** A trim marker is a space and a minus, as in `{{- ` and ` -}}`. */
const TRIM_MARKER_LENGTH = 2;
const EOF = -1;

/** Go's lexer counts only these four characters as space. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/** `_`, a Unicode letter or a decimal digit, as Go's `unicode.IsLetter` and `unicode.IsDigit` define them. */
export function isAlphaNumeric(code: number): boolean {
  if (code === EOF) return false;
  if (code === 0x5f) return true;
  return /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(code));
}

type State = ((lexer: Lexer) => State) | undefined;

class Lexer {
  readonly input: string;
  readonly items: TemplateItem[] = [];
  start = 0;
  pos = 0;
  /** Length in UTF-16 units of the code point `next` returned last. */
  width = 0;
  parenDepth = 0;
  /** Offsets of the `(` still open in the current action. */
  openParens: number[] = [];
  /** Offset of the `{{` of the current action. */
  actionStart = 0;

  constructor(input: string) {
    this.input = input;
  }

  /** Returns the code point at `pos` and advances past it, or EOF. */
  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const code = this.input.codePointAt(this.pos)!;
    this.width = code > 0xffff ? 2 : 1;
    this.pos += this.width;
    return code;
  }

  /** Steps back over the code point `next` returned; only once per `next`. */
  backup(): void {
    this.pos -= this.width;
  }

  peek(): number {
    const code = this.next();
    this.backup();
    return code;
  }

  accept(valid: string): boolean {
    const code = this.next();
    if (code !== EOF && valid.includes(String.fromCodePoint(code))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  emit(type: ItemType): void {
    this.items.push({ type, value: this.input.slice(this.start, this.pos), start: this.start, end: this.pos });
    this.start = this.pos;
  }

  ignore(): void {
    this.start = this.pos;
  }

  /** Ends lexing with an error item spanning `start`..`end`. */
  fail(message: string, start = this.start, end = this.pos): State {
    this.items.push({ type: 'error', value: message, start, end: Math.max(start, end), goStart: this.start });
    return undefined;
  }

  /** Reports whether a right delimiter, possibly trim-marked, starts at `pos`. */
  atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LENGTH)) return { delim: true, trim: true };
    return { delim: this.input.startsWith(RIGHT_DELIM, this.pos), trim: false };
  }

  /** Returns whether the next character may end a field, variable or identifier. */
  atTerminator(): boolean {
    const code = this.peek();
    if (isSpace(code)) return true;
    if (code === EOF) return true;
    return '.,|:)('.includes(String.fromCodePoint(code)) || code === RIGHT_DELIM.charCodeAt(0);
  }
}

function hasLeftTrimMarker(input: string, at: number): boolean {
  return input[at] === '-' && isSpace(input.charCodeAt(at + 1));
}

function hasRightTrimMarker(input: string, at: number): boolean {
  return isSpace(input.charCodeAt(at)) && input[at + 1] === '-';
}

/** Splits `input` into items; the last item is `eof` or `error`. */
export function lexTemplate(input: string): TemplateItem[] {
  const lexer = new Lexer(input);
  let state: State = lexText;
  while (state !== undefined) state = state(lexer);
  return lexer.items;
}

function lexText(lexer: Lexer): State {
  const found = lexer.input.indexOf(LEFT_DELIM, lexer.pos);
  if (found === -1) {
    lexer.pos = lexer.input.length;
    if (lexer.pos > lexer.start) lexer.emit('text');
    lexer.emit('eof');
    return undefined;
  }
  if (found > lexer.start) {
    lexer.pos = found;
    let textEnd = found;
    // `{{- ` removes the white space before it from the text.
    if (hasLeftTrimMarker(lexer.input, found + LEFT_DELIM.length)) {
      while (textEnd > lexer.start && isSpace(lexer.input.charCodeAt(textEnd - 1))) textEnd--;
    }
    if (textEnd > lexer.start) lexer.items.push({ type: 'text', value: lexer.input.slice(lexer.start, textEnd), start: lexer.start, end: textEnd });
    lexer.ignore();
  }
  return lexLeftDelim;
}

function lexLeftDelim(lexer: Lexer): State {
  lexer.actionStart = lexer.pos;
  lexer.pos += LEFT_DELIM.length;
  const trim = hasLeftTrimMarker(lexer.input, lexer.pos);
  const afterMarker = trim ? TRIM_MARKER_LENGTH : 0;
  if (lexer.input.startsWith(LEFT_COMMENT, lexer.pos + afterMarker)) {
    lexer.pos += afterMarker;
    return lexComment;
  }
  lexer.emit('leftDelim');
  lexer.pos += afterMarker;
  lexer.ignore();
  lexer.parenDepth = 0;
  lexer.openParens = [];
  return lexInsideAction;
}

/** Skips a comment, which must fill its action: `{{/* ... *\/}}`. */
function lexComment(lexer: Lexer): State {
  lexer.pos += LEFT_COMMENT.length;
  const close = lexer.input.indexOf(RIGHT_COMMENT, lexer.pos);
  if (close === -1) return lexer.fail('unclosed comment', lexer.actionStart, lexer.input.length);
  lexer.pos = close + RIGHT_COMMENT.length;
  const { delim, trim } = lexer.atRightDelim();
  if (!delim) return lexer.fail('comment ends before closing delimiter', lexer.actionStart, lexer.pos);
  if (trim) lexer.pos += TRIM_MARKER_LENGTH;
  lexer.pos += RIGHT_DELIM.length;
  if (trim) skipLeadingSpace(lexer);
  lexer.ignore();
  return lexText;
}

function skipLeadingSpace(lexer: Lexer): void {
  while (lexer.pos < lexer.input.length && isSpace(lexer.input.charCodeAt(lexer.pos))) lexer.pos++;
}

function lexRightDelim(lexer: Lexer): State {
  const { trim } = lexer.atRightDelim();
  if (trim) {
    lexer.pos += TRIM_MARKER_LENGTH;
    lexer.ignore();
  }
  lexer.pos += RIGHT_DELIM.length;
  lexer.emit('rightDelim');
  if (trim) {
    skipLeadingSpace(lexer);
    lexer.ignore();
  }
  return lexText;
}

function lexInsideAction(lexer: Lexer): State {
  const { delim } = lexer.atRightDelim();
  if (delim) {
    if (lexer.parenDepth === 0) return lexRightDelim;
    const open = lexer.openParens[lexer.openParens.length - 1] ?? lexer.actionStart;
    return lexer.fail('unclosed left paren', open, open + 1);
  }
  const code = lexer.next();
  if (code === EOF) return lexer.fail('unclosed action', lexer.actionStart, lexer.actionStart + LEFT_DELIM.length);
  if (isSpace(code)) {
    // Put the space back: it may start ` -}}`.
    lexer.backup();
    return lexSpace;
  }
  const character = String.fromCodePoint(code);
  switch (character) {
    case '=':
      lexer.emit('assign');
      return lexInsideAction;
    case ':':
      if (lexer.next() !== '='.charCodeAt(0)) return lexer.fail('expected :=');
      lexer.emit('declare');
      return lexInsideAction;
    case '|':
      lexer.emit('pipe');
      return lexInsideAction;
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '(':
      lexer.emit('leftParen');
      lexer.openParens.push(lexer.pos - 1);
      lexer.parenDepth++;
      return lexInsideAction;
    case ')':
      lexer.emit('rightParen');
      lexer.openParens.pop();
      lexer.parenDepth--;
      if (lexer.parenDepth < 0) return lexer.fail(`unexpected right paren ${formatRune(code)}`, lexer.pos - 1, lexer.pos);
      return lexInsideAction;
  }
  if (character === '.') {
    // `.` followed by a digit starts a number such as `.5`; otherwise it starts a field.
    const following = lexer.input.charCodeAt(lexer.pos);
    if (lexer.pos < lexer.input.length && !(following >= 0x30 && following <= 0x39)) return lexField;
  }
  if (character === '.' || character === '+' || character === '-' || (code >= 0x30 && code <= 0x39)) {
    lexer.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(code)) {
    lexer.backup();
    return lexIdentifier;
  }
  if (code <= 0x7f && code >= 0x20 && code !== 0x7f) {
    lexer.emit('char');
    return lexInsideAction;
  }
  return lexer.fail(`unrecognized character in action: ${formatRune(code)}`);
}

function lexSpace(lexer: Lexer): State {
  let spaces = 0;
  while (isSpace(lexer.peek())) {
    lexer.next();
    spaces++;
  }
  // The last space may belong to a trim-marked ` -}}`.
  if (hasRightTrimMarker(lexer.input, lexer.pos - 1) && lexer.input.startsWith(RIGHT_DELIM, lexer.pos - 1 + TRIM_MARKER_LENGTH)) {
    lexer.backup();
    if (spaces === 1) return lexRightDelim;
  }
  lexer.emit('space');
  return lexInsideAction;
}

function lexIdentifier(lexer: Lexer): State {
  let code: number;
  do code = lexer.next();
  while (isAlphaNumeric(code));
  lexer.backup();
  if (!lexer.atTerminator()) return lexer.fail(`bad character ${formatRune(code)}`, lexer.pos, lexer.pos + 1);

  const word = lexer.input.slice(lexer.start, lexer.pos);
  const keyword = KEYWORDS.get(word);
  if (keyword !== undefined) lexer.emit(keyword);
  else if (word === 'true' || word === 'false') lexer.emit('bool');
  else lexer.emit('identifier');
  return lexInsideAction;
}

function lexField(lexer: Lexer): State {
  return lexFieldOrVariable(lexer, 'field');
}

function lexVariable(lexer: Lexer): State {
  if (lexer.atTerminator()) {
    lexer.emit('variable');
    return lexInsideAction;
  }
  return lexFieldOrVariable(lexer, 'variable');
}

/** Reads `.name` or `$name`; a bare `.` or `$` stands for dot or the data. */
function lexFieldOrVariable(lexer: Lexer, type: 'field' | 'variable'): State {
  if (lexer.atTerminator()) {
    lexer.emit(type === 'variable' ? 'variable' : 'dot');
    return lexInsideAction;
  }
  let code: number;
  do code = lexer.next();
  while (isAlphaNumeric(code));
  lexer.backup();
  if (!lexer.atTerminator()) return lexer.fail(`bad character ${formatRune(code)}`, lexer.pos, lexer.pos + 1);
  lexer.emit(type);
  return lexInsideAction;
}

function lexQuoted(lexer: Lexer, quote: number, type: 'string' | 'charConstant', unterminated: string): State {
  for (;;) {
    let code = lexer.next();
    if (code === 0x5c) {
      code = lexer.next();
      if (code !== EOF && code !== 0x0a) continue;
    }
    if (code === EOF || code === 0x0a) return lexer.fail(unterminated, lexer.start, lexer.start + 1);
    if (code === quote) break;
  }
  lexer.emit(type);
  return lexInsideAction;
}

function lexQuote(lexer: Lexer): State {
  return lexQuoted(lexer, 0x22, 'string', 'unterminated quoted string');
}

function lexChar(lexer: Lexer): State {
  return lexQuoted(lexer, 0x27, 'charConstant', 'unterminated character constant');
}

function lexRawQuote(lexer: Lexer): State {
  const close = lexer.input.indexOf('`', lexer.pos);
  if (close === -1) return lexer.fail('unterminated raw quoted string', lexer.start, lexer.start + 1);
  lexer.pos = close + 1;
  lexer.emit('rawString');
  return lexInsideAction;
}

function lexNumber(lexer: Lexer): State {
  if (!scanNumber(lexer)) return lexer.fail(`bad number syntax: ${goQuote(lexer.input.slice(lexer.start, lexer.pos))}`);
  const sign = lexer.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // A complex constant such as `1+2i`: no spaces, and it must end in `i`.
    if (!scanNumber(lexer) || lexer.input[lexer.pos - 1] !== 'i') {
      return lexer.fail(`bad number syntax: ${goQuote(lexer.input.slice(lexer.start, lexer.pos))}`);
    }
    lexer.emit('complex');
  } else {
    lexer.emit('number');
  }
  return lexInsideAction;
}

/** Consumes the characters Go's lexer takes for a number; the parser checks the value. */
function scanNumber(lexer: Lexer): boolean {
  lexer.accept('+-');
  let digits = '0123456789_';
  if (lexer.accept('0')) {
    // A leading 0 alone does not make a float octal.
    if (lexer.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (lexer.accept('oO')) digits = '01234567_';
    else if (lexer.accept('bB')) digits = '01_';
  }
  lexer.acceptRun(digits);
  if (lexer.accept('.')) lexer.acceptRun(digits);
  if (digits.length === 11 && lexer.accept('eE')) {
    lexer.accept('+-');
    lexer.acceptRun('0123456789_');
  }
  if (digits.length === 23 && lexer.accept('pP')) {
    lexer.accept('+-');
    lexer.acceptRun('0123456789_');
  }
  lexer.accept('i');
  if (isAlphaNumeric(lexer.peek())) {
    lexer.next();
    return false;
  }
  return true;
}

/** Formats a code point as Go's `%#U` does, such as `U+002D '-'`. */
export function formatRune(code: number): string {
  if (code === EOF) return 'U+FFFFFFFF';
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const character = String.fromCodePoint(code);
  const printable = code === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(character);
  return printable ? `U+${hex} '${character}'` : `U+${hex}`;
}

/** Quotes a string about as Go's `%q` does, which error messages use. */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}
