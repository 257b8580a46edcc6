import type { YamlScalar } from './yaml-tree.js';

// Maps an index in a scalar's decoded text back to an offset in the file, so
// a PromQL error inside a `|` block, a folded `>-` block or a quoted string
// points at the exact line and column the author wrote. The map is built only
// when a finding needs it, and every map is verified by rebuilding the decoded
// text from it; a mismatch falls back to the scalar's first character.

const cache = new WeakMap<YamlScalar, Int32Array | null>();

/** Returns the file offset of the character at `index` of the scalar's decoded value. */
export function scalarSourceOffset(fileText: string, node: YamlScalar, index: number): number {
  if (node.style === 'plain' && !node.value.includes(' ') && node.end - node.start === node.value.length) {
    return node.start + Math.max(0, Math.min(index, node.value.length));
  }
  let offsets = cache.get(node);
  if (offsets === undefined) {
    offsets = buildOffsets(fileText, node);
    cache.set(node, offsets);
  }
  if (offsets === null) return node.start;
  // A position at or past the end of the text, such as "the expression ends too early", goes just after its last visible character, not on the next YAML key.
  const contentLength = node.value.trimEnd().length;
  if (index >= contentLength && contentLength > 0) return offsets[contentLength - 1]! + 1;
  const clamped = Math.max(0, Math.min(index, offsets.length - 1));
  return offsets[clamped]!;
}

interface Piece {
  text: string;
  offsets: number[];
}

function buildOffsets(fileText: string, node: YamlScalar): Int32Array | null {
  const raw = fileText.slice(node.start, node.end);
  let piece: Piece | null;
  switch (node.style) {
    case 'literal':
    case 'folded':
      piece = decodeBlock(raw, node.start, node.style === 'folded');
      break;
    default:
      piece = decodeFlow(raw, node.start, node.style);
  }
  if (piece === null || !piece.text.startsWith(node.value.replace(/\n+$/, ''))) return null;

  const offsets = new Int32Array(node.value.length + 1);
  for (let index = 0; index <= node.value.length; index++) {
    offsets[index] = piece.offsets[Math.min(index, piece.offsets.length - 1)] ?? node.end;
  }
  return offsets;
}

/** Decodes plain and quoted scalars, which fold line breaks into spaces. */
function decodeFlow(raw: string, base: number, style: YamlScalar['style']): Piece | null {
  const lines = splitLines(raw, base);
  const text: string[] = [];
  const offsets: number[] = [];
  let emptyLines = 0;
  let joinWithoutSpace = false;

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!;
    let from = 0;
    let to = line.text.length;
    if (lineIndex > 0) while (from < to && (line.text[from] === ' ' || line.text[from] === '\t')) from++;
    if (lineIndex < lines.length - 1) while (to > from && (line.text[to - 1] === ' ' || line.text[to - 1] === '\t')) to--;

    if (from === to && lineIndex > 0 && lineIndex < lines.length - 1) {
      emptyLines++;
      continue;
    }
    if (lineIndex > 0) {
      const previousEnd = offsets.length > 0 ? offsets[offsets.length - 1]! + 1 : base;
      if (emptyLines > 0) {
        for (let count = 0; count < emptyLines; count++) push(text, offsets, '\n', previousEnd);
      } else if (!joinWithoutSpace) {
        push(text, offsets, ' ', previousEnd);
      }
    }
    emptyLines = 0;
    joinWithoutSpace = false;

    for (let column = from; column < to; ) {
      const character = line.text[column]!;
      const offset = line.start + column;
      if (style === 'single-quoted' && character === "'" && line.text[column + 1] === "'") {
        push(text, offsets, "'", offset);
        column += 2;
      } else if (style === 'double-quoted' && character === '\\') {
        if (column + 1 >= to) {
          joinWithoutSpace = true;
          column++;
          continue;
        }
        const escape = decodeEscape(line.text, column + 1);
        if (escape === null) return null;
        for (const unit of escape.text) push(text, offsets, unit, offset);
        column = escape.next;
      } else {
        push(text, offsets, character, offset);
        column++;
      }
    }
  }
  offsets.push(base + raw.length);
  return { text: text.join(''), offsets };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

function decodeEscape(line: string, index: number): { text: string; next: number } | null {
  const letter = line[index]!;
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { text: simple, next: index + 1 };
  const length = HEX_LENGTHS[letter];
  if (length === undefined) return null;
  const digits = line.slice(index + 1, index + 1 + length);
  if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) return null;
  return { text: String.fromCodePoint(Number.parseInt(digits, 16)), next: index + 1 + length };
}

/** Decodes `|` and `>` block scalars, whose lines share one indentation. */
function decodeBlock(raw: string, base: number, folded: boolean): Piece | null {
  const lines = splitLines(raw, base);
  let indent = Infinity;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    indent = Math.min(indent, line.text.length - line.text.trimStart().length);
  }
  if (indent === Infinity) return { text: '', offsets: [base] };

  const text: string[] = [];
  const offsets: number[] = [];
  let previous: 'none' | 'text' | 'indented' = 'none';
  let emptyLines = 0;
  for (const line of lines) {
    if (line.text.trim() === '') {
      emptyLines++;
      continue;
    }
    const content = line.text.slice(indent);
    const kind = content.startsWith(' ') || content.startsWith('\t') ? 'indented' : 'text';
    if (previous !== 'none') {
      const previousEnd = offsets[offsets.length - 1]! + 1;
      let breaks: number;
      if (!folded) breaks = emptyLines + 1;
      else if (previous === 'text' && kind === 'text') breaks = emptyLines;
      else breaks = emptyLines + 1;
      if (breaks === 0) push(text, offsets, ' ', previousEnd);
      for (let count = 0; count < breaks; count++) push(text, offsets, '\n', previousEnd);
    }
    for (let column = 0; column < content.length; column++) {
      push(text, offsets, content[column]!, line.start + indent + column);
    }
    previous = kind;
    emptyLines = 0;
  }
  offsets.push(base + raw.length);
  return { text: text.join(''), offsets };
}

function splitLines(raw: string, base: number): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  for (;;) {
    const newline = raw.indexOf('\n', start);
    const end = newline === -1 ? raw.length : newline;
    const text = raw.slice(start, end);
    lines.push({ text: text.endsWith('\r') ? text.slice(0, -1) : text, start: base + start });
    if (newline === -1) break;
    start = newline + 1;
  }
  if (lines.length > 1 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines;
}

function push(text: string[], offsets: number[], value: string, offset: number): void {
  text.push(value);
  offsets.push(offset);
}
