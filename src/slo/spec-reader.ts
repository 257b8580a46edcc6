import { closestKey, describeNode } from '../load/schema-problems.js';
import { asMap, asScalar, asSeq, findPair, isNull, keyText, mapPairs, scalarValue } from '../load/yaml-access.js';
import type { SloSpecProblem, SpecLabel, SpecValue } from './slo-spec.js';
import type { YamlMap, YamlNode, YamlSeq } from '../load/yaml-tree.js';

/** How to read one key: its path for messages, and the fix to print when it is missing. */
export interface KeyOptions {
  path: string;
  /** Set for required keys: the fix shown when the key is missing or empty. */
  missingFix?: string;
}

/**
 * Reads typed values out of spec mappings and collects a problem, with the
 * node's position, for every value that is missing or has the wrong type.
 */
export class SpecReader {
  readonly problems: SloSpecProblem[] = [];

  constructor(readonly text: string) {}

  add(node: YamlNode, message: string, fix: string): void {
    this.problems.push({ start: node.start, end: node.end, message, fix });
  }

  /** Reports a missing key at the first key of the mapping that lacks it, the line the mapping starts on. */
  missing(parent: YamlMap, path: string, fix: string): void {
    const anchor = parent.pairs[0]?.key ?? parent;
    this.add(anchor, `\`${path}\` is missing.`, fix);
  }

  /** Returns the mapping under `key`, or undefined when the key is absent, empty or not a mapping. */
  map(parent: YamlMap, key: string, options: KeyOptions): YamlMap | undefined {
    const node = this.present(parent, key, options);
    if (node === undefined) return undefined;
    const map = asMap(node);
    if (map === undefined) this.wrongType(node, options.path, 'a mapping');
    return map;
  }

  seq(parent: YamlMap, key: string, options: KeyOptions): YamlSeq | undefined {
    const node = this.present(parent, key, options);
    if (node === undefined) return undefined;
    const seq = asSeq(node);
    if (seq === undefined) this.wrongType(node, options.path, 'a list');
    return seq;
  }

  /** Reads a scalar as text. Numbers and booleans count as text, because Go's YAML decoders read them into strings. */
  string(parent: YamlMap, key: string, options: KeyOptions): SpecValue<string> | undefined {
    const node = this.present(parent, key, options);
    if (node === undefined) return undefined;
    const scalar = asScalar(node);
    if (scalar === undefined) {
      this.wrongType(node, options.path, 'a string');
      return undefined;
    }
    if (scalar.value.trim() === '' && options.missingFix !== undefined) {
      this.add(scalar, `\`${options.path}\` is empty.`, options.missingFix);
      return undefined;
    }
    return { value: scalar.value, node: scalar };
  }

  number(parent: YamlMap, key: string, options: KeyOptions): SpecValue<number> | undefined {
    const node = this.present(parent, key, options);
    if (node === undefined) return undefined;
    const scalar = asScalar(node);
    const value = scalar === undefined ? undefined : scalarValue(scalar);
    if (typeof value !== 'number' || Number.isNaN(value)) {
      this.wrongType(node, options.path, 'a number written without quotes');
      return undefined;
    }
    return { value, node };
  }

  boolean(parent: YamlMap, key: string, options: KeyOptions): SpecValue<boolean> | undefined {
    const node = this.present(parent, key, options);
    if (node === undefined) return undefined;
    const scalar = asScalar(node);
    const value = scalar === undefined ? undefined : scalarValue(scalar);
    if (typeof value !== 'boolean') {
      this.wrongType(node, options.path, '`true` or `false`');
      return undefined;
    }
    return { value, node };
  }

  /**
   * Reads a mapping of names to text values, such as `labels` or
   * `annotations`. `readValue` may accept other shapes, as OpenSLO's
   * one-item lists of values. It returns undefined after reporting a problem.
   */
  labels(parent: YamlMap, key: string, options: KeyOptions, readValue?: (node: YamlNode, path: string) => string | undefined): SpecLabel[] {
    const map = this.map(parent, key, options);
    if (map === undefined) return [];
    const labels: SpecLabel[] = [];
    for (const pair of mapPairs(map)) {
      const name = keyText(pair);
      if (name === undefined) {
        this.wrongType(pair.key, `a key of \`${options.path}\``, 'a string');
        continue;
      }
      const path = `${options.path}.${name}`;
      const scalar = asScalar(pair.value);
      let value: string | undefined;
      if (scalar !== undefined && !isNull(scalar)) value = scalar.value;
      else if (readValue !== undefined) value = readValue(pair.value, path);
      else this.wrongType(pair.value, path, 'a string');
      if (value !== undefined) labels.push({ name, value, keyNode: pair.key, valueNode: pair.value });
    }
    return labels;
  }

  /** Reports every key of `map` not in `known`, suggesting the closest known key for a typo. */
  unknownKeys(map: YamlMap, known: readonly string[], path: string): void {
    for (const pair of map.pairs) {
      const key = keyText(pair);
      if (key === undefined || key === '<<' || known.includes(key)) continue;
      const suggestion = closestKey(key, known);
      const where = path === '' ? 'at the top of the spec' : `in \`${path}\``;
      const fix =
        suggestion !== undefined
          ? `Rename \`${key}\` to \`${suggestion}\`.`
          : `Remove \`${key}\`; the keys allowed ${where} are ${known.map((name) => `\`${name}\``).join(', ')}.`;
      this.add(pair.key, `Unknown key \`${key}\` ${where}.`, fix);
    }
  }

  wrongType(node: YamlNode, path: string, expected: string): void {
    this.add(node, `\`${path}\` must be ${expected}, got ${describeNode(node)}.`, `Write \`${path}\` as ${expected}.`);
  }

  /** Returns the value under `key` unless it is absent or null, reporting a required key that is. */
  private present(parent: YamlMap, key: string, options: KeyOptions): YamlNode | undefined {
    const pair = findPair(parent, key);
    if (pair !== undefined && !isNull(pair.value)) return pair.value;
    if (options.missingFix !== undefined) {
      if (pair === undefined) this.missing(parent, options.path, options.missingFix);
      else this.add(pair.key, `\`${options.path}\` is empty.`, options.missingFix);
    }
    return undefined;
  }
}
