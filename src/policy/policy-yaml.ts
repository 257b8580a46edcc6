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

/** Parses a policy file with positions, or returns its YAML errors. */
export function parsePolicyYaml(source: PolicySource): { layer: PolicyLayer } | { problems: PolicyProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { file: source.path, line: position.line, column: position.col, keyPath: '', message: `invalid YAML: ${firstSentence(error.message)}.` };
      }),
    };
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // yaml throws when aliases expand too far, the "billion laughs" attack.
    return { problems: [{ file: source.path, line: 1, column: 1, keyPath: '', message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}.` }] };
  }
  return {
    layer: {
      source,
      value,
      has: (path) => hasPath(value, path),
      locate(path) {
        const offset = findOffset(document, path);
        const position = lineCounter.linePos(offset);
        return { line: Math.max(1, position.line), column: Math.max(1, position.col) };
      },
    },
  };
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
