import { CORE_SCHEMA, load } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { KeyPath } from './key-path.js';
import type { PolicyProblem } from './policy-error.js';

/** A policy file's text and the path shown in error messages. */
export interface PolicySource {
  path: string;
  text: string;
}

/** One parsed policy file: its plain value and a way back to positions in its text. */
export interface PolicyLayer {
  source: PolicySource;
  value: unknown;
  /** Whether the value has a key or list item at `path`. */
  has(path: KeyPath): boolean;
  /**
   * Returns the position of the deepest key or list item on `path` that the
   * file contains: the key itself for a mapping entry, the item for a list
   * entry, and line 1, column 1 when not even the first segment exists.
   */
  locate(path: KeyPath): { line: number; column: number };
}

/**
 * Parses a policy file, or returns its YAML errors with positions.
 *
 * js-yaml reads the value, because on a cold start it is several times faster
 * than yaml's `parseDocument`, which promgate pays for on every run since
 * `rules/default.yml` is always read. yaml's document, which keeps the
 * position of every key, is built only when an error needs a position, or
 * when js-yaml rejects the text, so that syntax errors read the same in every
 * file. Both read YAML 1.2 with the core schema, without merge keys.
 */
export function parsePolicyYaml(source: PolicySource): { layer: PolicyLayer } | { problems: PolicyProblem[] } {
  let value: unknown;
  try {
    value = load(source.text, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    // js-yaml also rejects an empty or comment-only file, which yaml reads as an empty policy.
    return parseWithPositions(source);
  }

  let positioned: PositionedDocument | undefined;
  return {
    layer: {
      source,
      value,
      has: (path) => hasPath(value, path),
      locate(path) {
        positioned ??= buildPositionedDocument(source.text);
        return positioned.locate(path);
      },
    },
  };
}

interface PositionedDocument {
  document: Document;
  locate(path: KeyPath): { line: number; column: number };
  locateOffset(offset: number): { line: number; column: number };
}

function buildPositionedDocument(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const locateOffset = (offset: number): { line: number; column: number } => {
    const position = lineCounter.linePos(offset);
    return { line: Math.max(1, position.line), column: Math.max(1, position.col) };
  };
  return { document, locateOffset, locate: (path) => locateOffset(findOffset(document, path)) };
}

function parseWithPositions(source: PolicySource): { layer: PolicyLayer } | { problems: PolicyProblem[] } {
  const positioned = buildPositionedDocument(source.text);
  const { document } = positioned;
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file: source.path,
        ...positioned.locateOffset(error.pos[0]),
        keyPath: '',
        message: `invalid YAML: ${firstSentence(error.message)}.`,
      })),
    };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // yaml throws when aliases expand too far, the "billion laughs" attack.
    return { problems: [{ file: source.path, line: 1, column: 1, keyPath: '', message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}.` }] };
  }
  return { layer: { source, value, has: (path) => hasPath(value, path), locate: (path) => positioned.locate(path) } };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function hasPath(value: unknown, path: KeyPath): boolean {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return false;
      current = current[segment];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return false;
      current = current[segment];
    }
  }
  return true;
}

function findOffset(document: Document, path: KeyPath): number {
  let node = resolve(document, document.contents);
  let offset = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = resolve(document, pair.value);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = resolve(document, node.items[segment]);
      if (item === undefined) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function resolve(document: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(document) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
