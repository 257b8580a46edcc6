import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, parsePromql } from '../../src/promql/index.js';

describe('parsePromql robustness', () => {
  it('rejects 10,000 nested parentheses with a depth error', () => {
    const src = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    const { errors } = parsePromql(src);
    expect(errors[0]?.message).toContain(`more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    expect(errors[0]?.start).toBe(MAX_EXPRESSION_DEPTH);
  });

  it('accepts nesting at the depth limit', () => {
    const depth = MAX_EXPRESSION_DEPTH - 1;
    expect(parsePromql(`${'('.repeat(depth)}x${')'.repeat(depth)}`).errors).toEqual([]);
    expect(parsePromql(`${'-'.repeat(depth)}x`).errors).toEqual([]);
    expect(parsePromql(`${'-'.repeat(MAX_EXPRESSION_DEPTH + 1)}x`).errors[0]?.message).toContain('levels deep');
  });

  it('handles unbalanced brackets without throwing', () => {
    for (const src of ['('.repeat(100_000), ')'.repeat(1000), '{'.repeat(1000), '['.repeat(1000), ']]]', 'x{{{', 'sum((((']) {
      const { errors } = parsePromql(src);
      expect(errors.length, src.slice(0, 10)).toBeGreaterThan(0);
    }
  });

  it('parses a 100 kB expression', () => {
    const term = 'sum by (job) (rate(http_requests_total{job="api"}[5m]))';
    // Parentheses keep each chain under lezer's limit on operators in a row.
    const group = `(${Array.from({ length: 50 }, () => term).join(' + ')})`;
    const src = Array.from({ length: 40 }, () => group).join(' / ');
    expect(src.length).toBeGreaterThan(100_000);
    const { errors, expr } = parsePromql(src);
    expect(errors).toEqual([]);
    expect(expr?.end).toBe(src.length);
  });

  it('reports long operator chains instead of throwing', () => {
    const src = Array.from({ length: 20_000 }, (_, index) => `m${index}`).join(' or ');
    const { errors } = parsePromql(src);
    expect(errors[0]?.message).toContain('chained binary operators');
  });

  it('never throws on random input', () => {
    const alphabet = ['x', 'sum', 'rate', '(', ')', '[', ']', '{', '}', '"', "'", '`', '5m', '1', ',', ':', '@', '=~', '!=', '+', '-', ' ', 'by', 'offset', 'on', 'group_left', 'bool', '#', '\n', '\\', 'é', '🎉', '.', 'e', '_', 'inf'];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 25);
      const src = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const result = parsePromql(src);
      for (const error of result.errors) {
        expect(error.start, src).toBeGreaterThanOrEqual(0);
        expect(error.end, src).toBeLessThanOrEqual(src.length);
        expect(error.start, src).toBeLessThanOrEqual(error.end);
      }
    }
  });

  it('rejects non-string input without throwing', () => {
    const result = parsePromql(undefined as unknown as string);
    expect(result.errors[0]?.message).toContain('must be a string');
  });
});
