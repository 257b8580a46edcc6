import { describe, expect, it } from 'vitest';
import { parsePromql } from '../../src/promql/index.js';
import { loadCorpusExpressions } from './corpus.js';

describe('parsePromql performance', () => {
  it('parses the 10,002-rule benchmark file quickly', () => {
    const exprs = loadCorpusExpressions(['bench']).expressions.map((entry) => entry.expr);
    expect(exprs.length).toBe(10_002);
    const started = performance.now();
    const invalid = exprs.filter((expr) => parsePromql(expr).errors.length > 0);
    const elapsedMs = performance.now() - started;
    expect(invalid).toEqual([]);
    // A loose bound that catches accidental quadratic work, not machine speed:
    // a cold run takes about 0.25 s on a 2-core machine under load.
    expect(elapsedMs).toBeLessThan(3_000);
  });
});
