import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeRuleFile, yamlString } from '../../src/slo/rule-file-writer.js';

describe('yamlString', () => {
  it.each([
    { value: 'checkout', written: 'checkout' },
    { value: 'slo:sli_error:ratio_rate5m', written: 'slo:sli_error:ratio_rate5m' },
    { value: '5m', written: '5m' },
    { value: 'https://runbooks.example.com/A', written: 'https://runbooks.example.com/A' },
    { value: '1 - x', written: '1 - x' },
    { value: '1', written: '"1"' },
    { value: '99.9', written: '"99.9"' },
    { value: '1e3', written: '"1e3"' },
    { value: '0x1F', written: '"0x1F"' },
    { value: '1:30', written: '"1:30"' },
    { value: '2024-01-02', written: '"2024-01-02"' },
    { value: '.inf', written: '".inf"' },
    { value: 'yes', written: '"yes"' },
    { value: 'Off', written: '"Off"' },
    { value: 'null', written: '"null"' },
    { value: '~', written: '"~"' },
    { value: '', written: '""' },
    { value: ' padded', written: '" padded"' },
    { value: 'a: b', written: '"a: b"' },
    { value: 'a #b', written: '"a #b"' },
    { value: 'ends:', written: '"ends:"' },
    { value: '#channel', written: '"#channel"' },
    { value: '- item', written: '"- item"' },
    { value: '{{ $value }} left', written: '"{{ $value }} left"' },
    { value: "it's", written: "it's" },
    { value: 'tab\there', written: '"tab\\there"' },
    { value: 'line\u2028break', written: '"line\u2028break"' },
  ])('writes $value', ({ value, written }) => {
    expect(yamlString(value)).toBe(written);
  });

  it.each(['1.1', '1.2'] as const)('reads back in YAML %s', (version) => {
    const values = ['yes', 'on', '1', '0o17', '017', '1_000', '190:20:30', '2001-12-14', '.NaN', 'a: b', ' x', 'x ', '"q"', "'q'", 'é', '{a}', '[a]', 'a\nb', '\\'];
    for (const value of values) {
      expect(parse(`key: ${yamlString(value)}\n`, { version })).toEqual({ key: value });
    }
  });
});

describe('writeRuleFile', () => {
  it('writes a multi-line expr as a block', () => {
    const text = writeRuleFile(['header'], [{ name: 'g', rules: [{ record: 'a:b:c', expr: 'sum(x)\n/\n  sum(y)', labels: {} }] }]);
    expect(text).toBe('# header\ngroups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: |-\n          sum(x)\n          /\n            sum(y)\n');
    expect(parse(text).groups[0].rules[0].expr).toBe('sum(x)\n/\n  sum(y)');
  });

  it.each([
    { name: 'trailing spaces', expr: 'sum(x)  \n/ 2' },
    { name: 'indented first line', expr: '  sum(x)\n/ 2' },
    { name: 'blank last line', expr: 'sum(x)\n' },
    { name: 'tab', expr: 'sum(x)\n\t/ 2' },
  ])('quotes an expr with $name', ({ expr }) => {
    const text = writeRuleFile([], [{ name: 'g', rules: [{ record: 'a:b:c', expr, labels: {} }] }]);
    expect(text).toContain(`expr: ${JSON.stringify(expr)}`);
    expect(parse(text).groups[0].rules[0].expr).toBe(expr);
  });

  it('sorts labels by code point', () => {
    const text = writeRuleFile([], [{ name: 'g', rules: [{ record: 'a:b:c', expr: 'x', labels: { b: '1', B: '2', a: '3' } }] }]);
    expect(Object.keys(parse(text).groups[0].rules[0].labels)).toEqual(['B', 'a', 'b']);
  });

  it('writes no groups as a list', () => {
    expect(writeRuleFile(['h'], [])).toBe('# h\ngroups: []\n');
  });
});
