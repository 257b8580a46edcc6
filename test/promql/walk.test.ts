import { describe, expect, it } from 'vitest';
import { childrenOf, hasSelector, metricNameOf, metricNameRange, parsePromql, selectorsOf, walk, type Expr } from '../../src/promql/index.js';

function tree(src: string): Expr {
  const { expr, errors } = parsePromql(src);
  expect(errors).toEqual([]);
  return expr as Expr;
}

describe('walk helpers', () => {
  it('lists children in source order', () => {
    const binary = tree('topk(5, x) / on(job) rate(y[5m])');
    expect(childrenOf(binary).map((child) => child.type)).toEqual(['Aggregation', 'Call']);
    const [topk] = childrenOf(binary);
    expect(childrenOf(topk as Expr).map((child) => child.type)).toEqual(['NumberLiteral', 'VectorSelector']);
  });

  it('visits nodes in pre-order with their parents', () => {
    const src = 'sum(rate(x[5m])) + 1';
    const seen: string[] = [];
    walk(tree(src), (node, parents) => {
      seen.push(`${parents.map((parent) => parent.type).join('>')}|${node.type}`);
    });
    expect(seen).toEqual([
      '|Binary',
      'Binary|Aggregation',
      'Binary>Aggregation|Call',
      'Binary>Aggregation>Call|MatrixSelector',
      'Binary>Aggregation>Call>MatrixSelector|VectorSelector',
      'Binary|NumberLiteral',
    ]);
  });

  it('skips children when the visitor returns false', () => {
    const types: string[] = [];
    walk(tree('sum(x) + abs(y)'), (node) => {
      types.push(node.type);
      return node.type !== 'Aggregation';
    });
    expect(types).toEqual(['Binary', 'Aggregation', 'Call', 'VectorSelector']);
  });

  it('collects selectors including range selectors', () => {
    const names = selectorsOf(tree('a + rate(b[5m]) + max_over_time(sum(c offset 1h)[1h:])')).map((selector) => selector.metricName);
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('reports metric names and their ranges', () => {
    const [plain, quoted, matcher, none] = selectorsOf(tree('foo + {"a.b"} + {__name__="bar", job="x"} + {job="y"}'));
    expect([metricNameOf(plain!), metricNameOf(quoted!), metricNameOf(matcher!), metricNameOf(none!)]).toEqual(['foo', 'a.b', 'bar', undefined]);
    expect(metricNameRange(plain!)).toEqual([0, 3]);
    expect(metricNameRange(matcher!)).toEqual([17, 31]);
  });

  it('detects selectors', () => {
    expect(hasSelector(tree('vector(1) + time()'))).toBe(false);
    expect(hasSelector(tree('vector(1) + up'))).toBe(true);
  });

  it('walks the deepest accepted tree without recursion', () => {
    const depth = 999;
    const { expr, errors } = parsePromql(`${'abs('.repeat(depth - 1)}x${')'.repeat(depth - 1)}`);
    expect(errors).toEqual([]);
    let count = 0;
    let deepest = 0;
    walk(expr as Expr, (_node, parents) => {
      count++;
      deepest = Math.max(deepest, parents.length);
    });
    expect(count).toBe(depth);
    expect(deepest).toBe(depth - 1);
  });
});
