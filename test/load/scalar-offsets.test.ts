import { describe, expect, it } from 'vitest';
import { scalarSourceOffset } from '../../src/load/scalar-offsets.js';
import { parseYaml } from '../../src/load/yaml-tree.js';
import { asMap, getValue } from '../../src/load/yaml-access.js';
import type { YamlScalar } from '../../src/load/yaml-tree.js';

/** Returns the `expr` scalar of a one-document YAML text. */
function exprScalar(text: string): YamlScalar {
  const { documents, errors } = parseYaml(text);
  expect(errors).toEqual([]);
  const node = getValue(asMap(documents[0]!.root), 'expr');
  if (node?.kind !== 'scalar') throw new Error('expected a scalar');
  return node;
}

// Each case names a token of the decoded expression; the file offset that
// scalarSourceOffset returns for the token's first character must be where
// the token was written in the YAML text.
const cases: { name: string; text: string; token: string }[] = [
  { name: 'plain', text: 'expr: rate(foo[5m]) > 1\n', token: 'foo' },
  { name: 'plain folded over lines', text: 'expr: sum(rate(foo[5m]))\n  by (job) > 1\n', token: 'job' },
  { name: 'literal block', text: 'expr: |\n  sum(rate(foo[5m]))\n    by (job)\n', token: 'job' },
  { name: 'literal block keep', text: 'expr: |+\n  up\n  == 0\n\n', token: '0' },
  { name: 'folded block strip', text: 'expr: >-\n  sum(rate(foo[5m]))\n  by (job)\n  > 1\n', token: '> 1' },
  { name: 'folded block more indented', text: 'expr: >\n  sum(\n      foo\n  )\n', token: 'foo' },
  { name: 'folded with empty line', text: 'expr: >-\n  a\n\n  or b\n', token: 'or b' },
  { name: 'double quoted escapes', text: 'expr: "up{job=\\"api\\"} == 0"\n', token: '== 0' },
  { name: 'double quoted unicode escape', text: 'expr: "x{a=\\"\\u00e9\\"} > bar"\n', token: 'bar' },
  { name: 'double quoted over lines', text: 'expr: "sum(foo)\n  by (job)"\n', token: 'job' },
  { name: 'double quoted line continuation', text: 'expr: "sum(fo\\\n  o) > bar"\n', token: 'bar' },
  { name: 'single quoted', text: "expr: 'up{job=''api''} == 0'\n", token: '== 0' },
  { name: 'non-ASCII before token', text: 'expr: \'x{a="ü😀"} > bar\'\n', token: 'bar' },
];

describe('scalarSourceOffset', () => {
  it.each(cases)('$name', ({ text, token }) => {
    const node = exprScalar(text);
    const index = node.value.indexOf(token);
    expect(index).toBeGreaterThanOrEqual(0);
    const offset = scalarSourceOffset(text, node, index);
    expect(text.slice(offset, offset + token.length)).toBe(token);
  });

  it('maps every character of a folded block', () => {
    const text = 'expr: >-\n  sum by (job) (\n    rate(x[5m])\n  )\n';
    const node = exprScalar(text);
    for (let index = 0; index < node.value.length; index++) {
      const character = node.value[index]!;
      if (character === ' ' || character === '\n') continue;
      expect(text[scalarSourceOffset(text, node, index)]).toBe(character);
    }
  });
});

describe('scalarSourceOffset at the end of the text', () => {
  it.each([
    ['literal block', 'expr: |\n  up\n  == 0 +\nfor: 5m\n'],
    ['folded block', 'expr: >-\n  up\n  == 0 +\nfor: 5m\n'],
    ['plain', 'expr: up == 0 +\nfor: 5m\n'],
  ])('%s stays after the last character', (_name, text) => {
    const node = exprScalar(text);
    const offset = scalarSourceOffset(text, node, node.value.length);
    expect(text.slice(offset - 1, offset)).toBe('+');
  });
});
