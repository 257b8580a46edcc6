import { resolveNode } from './yaml-tree.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar, YamlSeq } from './yaml-tree.js';

export type ScalarValue = string | number | boolean | null;

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
const INTEGER = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Resolves a scalar to the value YAML 1.2's core schema gives it: quoted and
 * block scalars are strings, plain ones may be null, booleans or numbers.
 */
export function scalarValue(node: YamlScalar): ScalarValue {
  if (node.tag === '!!str') return node.value;
  if (node.style !== 'plain') return node.value;
  const text = node.value;
  if (NULL_WORDS.has(text)) return null;
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  if (INTEGER.test(text)) {
    if (text.includes('0o')) return Number.parseInt(text.replace('0o', ''), 8) * (text.startsWith('-') ? -1 : 1);
    return Number(text);
  }
  if (FLOAT.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}

export function isNull(node: YamlNode | undefined): boolean {
  const resolved = resolveNode(node);
  return resolved === undefined || (resolved.kind === 'scalar' && resolved.style === 'plain' && resolved.tag === undefined && NULL_WORDS.has(resolved.value));
}

export function asMap(node: YamlNode | undefined): YamlMap | undefined {
  const resolved = resolveNode(node);
  return resolved?.kind === 'map' ? resolved : undefined;
}

export function asSeq(node: YamlNode | undefined): YamlSeq | undefined {
  const resolved = resolveNode(node);
  return resolved?.kind === 'seq' ? resolved : undefined;
}

export function asScalar(node: YamlNode | undefined): YamlScalar | undefined {
  const resolved = resolveNode(node);
  return resolved?.kind === 'scalar' ? resolved : undefined;
}

/** Returns a scalar's text when the node is a non-null scalar. */
export function asText(node: YamlNode | undefined): string | undefined {
  const scalar = asScalar(node);
  if (scalar === undefined || (scalar.style === 'plain' && NULL_WORDS.has(scalar.value))) return undefined;
  return scalar.value;
}

export function keyText(pair: YamlPair): string | undefined {
  const key = asScalar(pair.key);
  return key?.value;
}

/**
 * Lists a mapping's pairs, with the pairs of `<<` merge keys placed where the
 * merge key is. Keys written in the mapping itself take precedence, as YAML's
 * merge key type specifies.
 */
export function mapPairs(map: YamlMap): YamlPair[] {
  if (map.hasMergeKey !== true) return map.pairs;

  const own = new Set<string>();
  for (const pair of map.pairs) {
    const key = keyText(pair);
    if (key !== undefined && !isMergeKey(pair)) own.add(key);
  }
  const merged: YamlPair[] = [];
  const seen = new Set<string>();
  for (const pair of map.pairs) {
    if (!isMergeKey(pair)) {
      merged.push(pair);
      continue;
    }
    for (const source of mergeSources(pair.value)) {
      for (const inherited of mapPairs(source)) {
        const key = keyText(inherited);
        if (key === undefined || own.has(key) || seen.has(key)) continue;
        seen.add(key);
        merged.push(inherited);
      }
    }
  }
  return merged;
}

function isMergeKey(pair: YamlPair): boolean {
  const key = asScalar(pair.key);
  return key !== undefined && key.style === 'plain' && key.value === '<<';
}

function mergeSources(node: YamlNode): YamlMap[] {
  const map = asMap(node);
  if (map !== undefined) return [map];
  const seq = asSeq(node);
  if (seq === undefined) return [];
  return seq.items.map(asMap).filter((item): item is YamlMap => item !== undefined);
}

export function findPair(map: YamlMap | undefined, key: string): YamlPair | undefined {
  if (map === undefined) return undefined;
  const pairs = mapPairs(map);
  // The loader looks up about a dozen keys per rule, so plain scalar keys, nearly all of them, are compared without resolving aliases.
  for (let index = 0; index < pairs.length; index++) {
    const pair = pairs[index]!;
    const text = pair.key.kind === 'scalar' ? pair.key.value : keyText(pair);
    if (text === key) return pair;
  }
  return undefined;
}

export function getValue(map: YamlMap | undefined, key: string): YamlNode | undefined {
  return findPair(map, key)?.value;
}

export function getText(map: YamlMap | undefined, key: string): string | undefined {
  return asText(getValue(map, key));
}

export function hasKey(map: YamlMap | undefined, key: string): boolean {
  return findPair(map, key) !== undefined;
}
