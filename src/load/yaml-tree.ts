import { EVENT_ID, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
// The `yaml` package describes syntax errors. A static import shares the
// copy that the policy reader loads on every run. A require() here loaded a
// second, unbundled copy from node_modules, which cost about 20 ms more
// whenever a file had a syntax error.
import { parseAllDocuments } from 'yaml';

// js-yaml's event parser is used instead of yaml's CST because it is about
// seven times faster on large rule files: 0.055 s against 0.4 s for the
// 10,002-rule benchmark file. Its events also carry the source offsets that
// every finding needs.

export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

interface NodeBase {
  /** Offset of the node's first character in the file. */
  start: number;
  /** Offset just past the node's last character. */
  end: number;
  anchor?: string;
  tag?: string;
}

export interface YamlScalar extends NodeBase {
  kind: 'scalar';
  style: ScalarStyle;
  /** The decoded text, with quotes, escapes, folding and indentation resolved. */
  value: string;
}

export interface YamlPair {
  key: YamlNode;
  value: YamlNode;
}

export interface YamlMap extends NodeBase {
  kind: 'map';
  pairs: YamlPair[];
  flow: boolean;
  /** Set when a key is `<<`, so readers expand merge keys only where they occur. */
  hasMergeKey?: true;
}

export interface YamlSeq extends NodeBase {
  kind: 'seq';
  items: YamlNode[];
  flow: boolean;
}

export interface YamlAlias extends NodeBase {
  kind: 'alias';
  name: string;
  target: YamlNode | undefined;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number;
  start: number;
  end: number;
  root: YamlNode | undefined;
}

export interface YamlSyntaxError {
  offset: number;
  message: string;
}

export interface YamlParseResult {
  documents: YamlDocument[];
  errors: YamlSyntaxError[];
}

/**
 * The maximum number of nodes one document may expand to when every alias is
 * replaced by its anchor's content. Real configuration stays far below it,
 * while a "billion laughs" document built from nested aliases reaches it
 * after a few levels.
 */
export const MAX_EXPANDED_NODES = 1_000_000;

/** The maximum nesting depth of collections in one document. */
export const MAX_NESTING_DEPTH = 100;

const STYLES: Record<number, ScalarStyle> = {
  1: 'plain',
  2: 'single-quoted',
  3: 'double-quoted',
  4: 'literal',
  5: 'folded',
};

type Container = YamlMap | YamlSeq | DocumentFrame;

interface DocumentFrame {
  kind: 'document';
  document: YamlDocument;
}

class DocumentBuilder {
  readonly documents: YamlDocument[] = [];
  private readonly stack: Container[] = [];
  private readonly pendingKeys: (YamlNode | undefined)[] = [];
  private anchors = new Map<string, YamlNode>();
  private hasAliases = false;
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  add(event: Event): void {
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        const document: YamlDocument = { index: this.documents.length, start: this.lastEnd, end: this.lastEnd, root: undefined };
        this.documents.push(document);
        this.anchors = new Map();
        this.hasAliases = false;
        this.open({ kind: 'document', document });
        return;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = this.base + event.start;
        const flow = event.style === 2;
        const node: YamlMap | YamlSeq =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', start, end: start + 1, pairs: [], flow }
            : { kind: 'seq', start, end: start + 1, items: [], flow };
        this.decorate(node, event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
        this.lastEnd = start;
        this.attach(node);
        this.open(node);
        return;
      }
      case EVENT_ID.SCALAR: {
        const node = this.scalar(event);
        this.attach(node);
        return;
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(event.anchorStart, event.anchorEnd);
        const start = this.base + event.anchorStart - 1;
        const end = this.base + event.anchorEnd;
        const target = this.anchors.get(name);
        if (target === undefined) {
          throw new YamlBuildError(start, `the alias \`*${name}\` refers to no anchor defined before it`);
        }
        if (this.stack.includes(target as Container)) {
          throw new YamlBuildError(start, `the alias \`*${name}\` refers to a collection that contains it`);
        }
        const node: YamlAlias = { kind: 'alias', start, end, name, target };
        this.hasAliases = true;
        this.lastEnd = end;
        this.attach(node);
        return;
      }
      case EVENT_ID.POP:
        this.close();
        return;
    }
  }

  private scalar(event: ScalarEvent): YamlScalar {
    let start: number;
    let end: number;
    let value: string;
    if (event.valueStart < 0) {
      start = this.lastEnd;
      end = this.lastEnd;
      value = '';
    } else {
      start = this.base + event.valueStart;
      end = this.base + event.valueEnd;
      value = event.fast ? this.text.slice(event.valueStart, event.valueEnd) : getScalarValue(this.text, event);
    }
    const node: YamlScalar = { kind: 'scalar', start, end, style: STYLES[event.style] ?? 'plain', value };
    if (event.anchorStart >= 0 || event.tagStart >= 0) this.decorate(node, event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
    this.lastEnd = end;
    return node;
  }

  private decorate(node: YamlNode, anchorStart: number, anchorEnd: number, tagStart: number, tagEnd: number): void {
    if (anchorStart >= 0) {
      node.anchor = this.text.slice(anchorStart, anchorEnd);
      this.anchors.set(node.anchor, node);
    }
    if (tagStart >= 0) node.tag = this.text.slice(tagStart, tagEnd);
  }

  private open(container: Container): void {
    this.stack.push(container);
    this.pendingKeys.push(undefined);
  }

  private attach(node: YamlNode): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return;
    if (top.kind === 'document') {
      top.document.root = node;
    } else if (top.kind === 'seq') {
      top.items.push(node);
    } else {
      const index = this.pendingKeys.length - 1;
      const key = this.pendingKeys[index];
      if (key === undefined) {
        this.pendingKeys[index] = node;
        if (node.kind === 'scalar' && node.value === '<<' && node.style === 'plain') top.hasMergeKey = true;
      } else {
        top.pairs.push({ key, value: node });
        this.pendingKeys[index] = undefined;
      }
    }
  }

  private close(): void {
    const top = this.stack.pop();
    this.pendingKeys.pop();
    if (top === undefined) return;
    if (top.kind === 'document') {
      top.document.end = this.lastEnd;
      if (top.document.root !== undefined) {
        top.document.start = top.document.root.start;
        if (this.hasAliases) checkExpandedSize(top.document.root);
      }
      return;
    }

    let end = top.end;
    if (top.kind === 'seq') {
      const last = top.items[top.items.length - 1];
      if (last !== undefined) end = Math.max(end, last.end);
    } else {
      const last = top.pairs[top.pairs.length - 1];
      if (last !== undefined) end = Math.max(end, last.key.end, last.value.end);
    }
    if (top.flow) end = this.flowEnd(top, end);
    top.end = end;
    this.lastEnd = Math.max(this.lastEnd, end);
  }

  /** Extends a flow collection to its closing bracket so its range covers `]` or `}`. */
  private flowEnd(node: YamlMap | YamlSeq, contentEnd: number): number {
    const closing = node.kind === 'map' ? '}' : ']';
    const index = this.text.indexOf(closing, contentEnd - this.base);
    return index === -1 ? contentEnd : this.base + index + 1;
  }
}

/**
 * Rejects documents whose aliases expand to more than MAX_EXPANDED_NODES
 * nodes. Each node's expanded size is computed once, bottom-up, so a
 * "billion laughs" document is caught in time linear in its written size.
 */
function checkExpandedSize(root: YamlNode): void {
  const sizes = new Map<YamlNode, number>();
  const stack: { node: YamlNode; visited: boolean }[] = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (sizes.has(node)) continue;
    const children = childNodes(node);
    if (!frame.visited) {
      stack.push({ node, visited: true });
      for (const child of children) if (!sizes.has(child)) stack.push({ node: child, visited: false });
      continue;
    }
    let size = 1;
    for (const child of children) size += sizes.get(child) ?? 1;
    if (size > MAX_EXPANDED_NODES) {
      throw new YamlBuildError(
        node.start,
        `aliases expand this document to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes; expand the anchors by hand or split the file`,
      );
    }
    sizes.set(node, size);
  }
}

function childNodes(node: YamlNode): YamlNode[] {
  switch (node.kind) {
    case 'map':
      return node.pairs.flatMap((pair) => [pair.key, pair.value]);
    case 'seq':
      return node.items;
    case 'alias':
      return node.target === undefined ? [] : [node.target];
    case 'scalar':
      return [];
  }
}

class YamlBuildError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function parseChunk(text: string, base: number): { documents: YamlDocument[]; error?: YamlSyntaxError } {
  const builder = new DocumentBuilder(text, base);
  try {
    for (const event of parseEvents(text, { maxDepth: MAX_NESTING_DEPTH })) builder.add(event);
    return { documents: builder.documents };
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = (error as YAMLException & { mark?: { position: number } }).mark;
      const found = describeSyntaxError(text, base, mark?.position ?? 0, error.reason ?? error.message);
      // An error found at the end of the text belongs to its last line, not to the `---` that starts the next document.
      return { documents: [], error: { ...found, offset: Math.min(found.offset, base + Math.max(0, text.length - 1)) } };
    }
    if (error instanceof YamlBuildError) return { documents: [], error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

/** js-yaml reasons that often stand for another problem, such as an unclosed quote or bracket. */
const VAGUE_REASONS = /^(?:deficient indentation|end of the stream or a document separator is expected|bad indentation of a mapping entry)$/;

/**
 * Describes a syntax error with the `yaml` package's message when js-yaml's is
 * vague, because `yaml` names the construct ("Missing closing \"quote",
 * "Nested mappings are not allowed in compact mappings"). Runs on broken
 * files only.
 */
function describeSyntaxError(text: string, base: number, offset: number, fallback: string): YamlSyntaxError {
  if (!VAGUE_REASONS.test(fallback)) return { offset: base + offset, message: fallback };
  try {
    for (const document of parseAllDocuments(text)) {
      const first = document.errors[0];
      if (first === undefined) continue;
      const message = first.message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { offset: base + first.pos[0], message: lowerFirst(message) };
    }
  } catch {
    // The fallback below is still a precise position and message.
  }
  return { offset: base + offset, message: fallback };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Parses every YAML document of a file into nodes with source offsets.
 *
 * When a multi-document file has a syntax error, the documents are parsed
 * again one by one, so one broken document never hides the others.
 */
export function parseYaml(text: string): YamlParseResult {
  const whole = parseChunk(text, 0);
  if (whole.error === undefined) return { documents: whole.documents, errors: [] };

  const markers = [...text.matchAll(DOCUMENT_MARKER)].map((match) => match.index);
  if (markers.length === 0 || (markers.length === 1 && text.slice(0, markers[0]).trim() === '')) {
    return { documents: [], errors: [whole.error] };
  }

  const documents: YamlDocument[] = [];
  const errors: YamlSyntaxError[] = [];
  const bounds = [0, ...markers.filter((offset) => offset > 0), text.length];
  let documentIndex = 0;
  for (let index = 0; index + 1 < bounds.length; index++) {
    const start = bounds[index]!;
    const chunk = parseChunk(text.slice(start, bounds[index + 1]), start);
    if (chunk.error !== undefined) {
      errors.push(chunk.error);
      documentIndex++;
    }
    for (const document of chunk.documents) {
      documents.push({ ...document, index: documentIndex++ });
    }
  }
  return { documents, errors };
}

/** Follows aliases to the node they refer to. */
export function resolveNode(node: YamlNode | undefined): YamlNode | undefined {
  if (node?.kind !== 'alias') return node;
  let current: YamlNode | undefined = node;
  for (let hops = 0; current?.kind === 'alias' && hops < 100; hops++) current = current.target;
  return current?.kind === 'alias' ? undefined : current;
}
