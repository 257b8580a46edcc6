// Compares promgate's verdict (valid or invalid) with the real promtool for
// every expression of the unit tables and of the shared rule corpus.

import { beforeAll, describe, expect, it } from 'vitest';
import { COMPAT_FEATURES, getCompatFeature, parsePromql } from '../../src/promql/index.js';
import { INVALID_CASES, VALID_CASES } from './cases.js';
import { loadCorpusExpressions } from './corpus.js';
import { promtoolVerdicts, promtoolVersion } from './promtool.js';

/** Extra expressions that probe lexer and grammar corners. */
const EDGE_CASES: string[] = [
  'count', 'and', 'or', 'unless', 'avg', 'group', 'topk', 'limitk', 'smoothed', 'anchored', 'step', 'range',
  'ignoring', 'group_left', 'inf', 'OFFSET', '1 + offset', 'offset offset 5m',
  '1x', 'x1', '_x', 'x:', 'x.y', 'x:y:z', 'x{a="b"}{c="d"}', 'x{a="b"}[5m]', 'x {a="b"}',
  '"a" "b"', 'x 5', '5 5', 'abs(x y)', 'abs(,)', 'sum(,x)', 'sum(x,)', 'abs(x,)', 'foo()', 'RATE(x[5m])',
  'x @ "a"', 'x @ start', '(x) @ 100', 'sum(x) @ 100', '1 @ 100', '"a" offset 5m', 'x @ 100 + y',
  'x[5m:1m] @ start() @ end()', 'x @ start() offset 5m', 'x offset 5m [1m]', 'x[5m 1m]', 'x[5m +1m]',
  'x[(5m)]', 'x offset step()', 'x[5m] anchored', 'x anchored', 'x offset --5m', 'x offset - 5m',
  'sum by (a:b) (x)', 'sum by ("") (x)', 'a + on(x,) b', 'a + on(,x) b', 'a + group_left b',
  'a + on(x) group_left "s"', 'a or on(x) group_left b', '1 + on() group_left a', 'a+-b', 'a*-1',
  '-(1)', '(a', 'a)', '((a)', 'sum\n  (x)', 'topk(3, x) by (a)', 'x{a=~"(a)"}',
  'x{a=~"(?P<n>a)(?P<n>b)"}', 'x{a=~"[a-\\\\d]"}', 'x{a=~"(?)"}', 'x{a=~"(?-)"}', 'x{a=~"^*"}',
  'x{a=~"a{,5}"}', 'x{a=~"a{"}', 'x{a=~"}"}', 'x{a=~"]"}', 'x{a=~"[^]a]"}', 'x{a=~"\\\\x{110000}"}',
  'x{a=~"(a{1000}){1000}"}', 'x{a=~"(a{10}){100}"}', 'x{a=~"((a{10}){10}){11}"}', 'x{a=~"a)(b"}',
  'x{a=~"\\\\x{}"}', 'x{a=~"\\\\pX"}', 'x{a=~"\\\\p"}', 'x{a=~"\\\\e"}', 'x{a=~"\\\\é"}', 'x{a=~"(?#c)"}',
  'x{a=~"(?>a)"}', 'x{a=~"(?P=n)"}', 'x{a=~"(?P<n"}', 'x{a=~"a*??"}', 'x{a=~"$+"}', 'x{a=~"(*)"}',
  '0xFFFFFFFFFFFFFFFF', '0x7FFFFFFFFFFFFFFF', '99999999999999999999', '1e308', 'x @ 9e18', 'x @ 9.3e18',
  'x[292y]', 'x[5m:0]', 'x[5m:-1m]', 'x[1e3]', 'x offset 1.5', 'x @ 1.5', 'x @ +100',
];

interface Probe {
  expr: string;
  reason: string;
}

// Valid in Prometheus but rejected by promgate on purpose; each one is
// checked to stay a real difference.
const KNOWN_DIFFERENCES: Probe[] = [
  {
    expr: `${'('.repeat(1001)}x${')'.repeat(1001)}`,
    reason: 'promgate limits nesting to 1000 levels to keep its recursive walks within the stack',
  },
  {
    expr: Array.from({ length: 600 }, (_, index) => `m${index}`).join(' or '),
    reason: 'lezer cannot reduce more than 300 left-associative operators in a row',
  },
];

describe('promtool agreement', () => {
  let version = '';
  beforeAll(() => {
    version = promtoolVersion();
  });

  it('agrees with promtool on every expression', () => {
    const corpus = loadCorpusExpressions(['rules', 'crd', 'bench']);
    const table = [...VALID_CASES.map((c) => c.expr), ...INVALID_CASES.map((c) => c[0]), ...EDGE_CASES];
    const exprs = [...new Set([...table, ...corpus.expressions.map((c) => c.expr), ...KNOWN_DIFFERENCES.map((d) => d.expr)])];
    const verdicts = promtoolVerdicts(exprs);

    const mismatches: string[] = [];
    const allowListed = new Map<string, number>();
    const known = new Set(KNOWN_DIFFERENCES.map((difference) => difference.expr));
    exprs.forEach((expr, index) => {
      const result = parsePromql(expr);
      const oursValid = result.errors.length === 0;
      const promtoolError = verdicts[index];
      if (oursValid === (promtoolError === undefined) && !known.has(expr)) {
        return;
      }
      if (known.has(expr)) {
        if (oursValid || promtoolError !== undefined) {
          mismatches.push(`${JSON.stringify(expr.slice(0, 60))}: listed as a known difference but promgate and promtool now agree`);
        }
        return;
      }
      const newer = result.notes.filter((note) => note.kind === 'newer-feature' && getCompatFeature(note.feature) !== undefined);
      if (oursValid && newer.length > 0) {
        for (const note of newer) {
          allowListed.set(note.feature, (allowListed.get(note.feature) ?? 0) + 1);
        }
        return;
      }
      mismatches.push(
        `${JSON.stringify(expr)}: promgate ${oursValid ? 'accepts' : `rejects (${result.errors[0]?.message})`}, promtool ${promtoolError === undefined ? 'accepts' : `rejects (${promtoolError})`}`,
      );
    });

    expect(version).toContain('2.42');
    expect(corpus.expressions.length).toBeGreaterThan(11_000);
    expect(new Set(corpus.expressions.map((c) => c.expr)).size).toBeGreaterThan(1_200);
    expect(mismatches).toEqual([]);
    // Every allow-list entry must be needed by at least one expression.
    expect([...allowListed.keys()].sort()).toEqual(COMPAT_FEATURES.map((feature) => feature.name).sort());
  });
});
