import { keyText } from './yaml-access.js';
import { resolveNode } from './yaml-tree.js';
import type { LoadProblem } from './model.js';
import type { SourceFile } from './source-file.js';
import type { YamlMap, YamlNode } from './yaml-tree.js';

/** Collects `yaml/schema` problems for one file. */
export class SchemaProblems {
  constructor(
    readonly source: SourceFile,
    readonly problems: LoadProblem[],
  ) {}

  add(node: YamlNode, message: string, fix?: string, severity?: LoadProblem['severity']): void {
    const problem: LoadProblem = { check: 'yaml/schema', start: node.start, end: node.end, message };
    if (fix !== undefined) problem.fix = fix;
    if (severity !== undefined) problem.severity = severity;
    this.problems.push(problem);
  }

  /** Reports keys of `map` missing from `known`, suggesting the closest known key. */
  unknownKeys(map: YamlMap, known: readonly string[], where: string, allowed: (key: string) => boolean = () => false): void {
    for (const pair of map.pairs) {
      const key = keyText(pair);
      if (key === undefined || key === '<<' || known.includes(key) || allowed(key)) continue;
      const suggestion = closestKey(key, known);
      const fix =
        suggestion !== undefined
          ? `Rename \`${key}\` to \`${suggestion}\`.`
          : `Remove \`${key}\`; ${where} accepts ${known.map((name) => `\`${name}\``).join(', ')}.`;
      this.add(pair.key, `Unknown key \`${key}\` in ${where}; Prometheus rejects the file.`, fix);
    }
  }

  /** Reports a node whose YAML type is not the one expected. */
  wrongType(node: YamlNode, what: string, expected: string): void {
    this.add(node, `${what} must be ${expected}, got ${describeNode(node)}.`, `Write ${what} as ${expected}.`);
  }

  line(offset: number): number {
    return this.source.positionAt(offset).line;
  }
}

/** Describes a node's YAML type for messages: "a list", "a mapping", "the string `x`". */
export function describeNode(node: YamlNode | undefined): string {
  const resolved = resolveNode(node);
  if (resolved === undefined) return 'nothing';
  switch (resolved.kind) {
    case 'map':
      return 'a mapping';
    case 'seq':
      return 'a list';
    case 'alias':
      return 'an alias';
    case 'scalar':
      if (resolved.style === 'plain' && (resolved.value === '' || resolved.value === '~' || resolved.value === 'null')) return 'an empty value';
      return `\`${truncate(resolved.value)}\``;
  }
}

export function truncate(text: string, max = 60): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > max || firstLine.length < text.length ? `${firstLine.slice(0, max)}…` : firstLine;
}

/**
 * Reports every key written twice in one mapping, anywhere under `root`.
 * Prometheus' YAML decoder rejects duplicate keys, so the second one is an
 * error rather than a silent override.
 */
export function reportDuplicateKeys(root: YamlNode | undefined, problems: SchemaProblems): void {
  const stack: YamlNode[] = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    } else if (node.kind === 'map') {
      const pairs = node.pairs;
      // Small mappings are scanned pairwise, which avoids allocating a Map for each of them.
      const seen = pairs.length > 16 ? new Map<string, YamlNode>() : undefined;
      for (let index = 0; index < pairs.length; index++) {
        const pair = pairs[index]!;
        stack.push(pair.value);
        const key = keyText(pair);
        if (key === undefined || key === '<<') continue;
        let first: YamlNode | undefined;
        if (seen !== undefined) {
          first = seen.get(key);
          if (first === undefined) seen.set(key, pair.key);
        } else {
          for (let before = 0; before < index && first === undefined; before++) {
            if (keyText(pairs[before]!) === key) first = pairs[before]!.key;
          }
        }
        if (first === undefined) continue;
        problems.add(
          pair.key,
          `Duplicate key \`${key}\`; it is already set on line ${problems.line(first.start)}, and Prometheus rejects the file.`,
          `Keep one \`${key}\` key.`,
        );
      }
    }
  }
}

/** Returns the known key closest to `key` by edit distance, when the two are close enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

function editDistance(left: string, right: string): number {
  const previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (left[i - 1] === right[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[right.length]!;
}
