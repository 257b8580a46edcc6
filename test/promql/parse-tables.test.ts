import { describe, expect, it } from 'vitest';
import { parsePromql } from '../../src/promql/index.js';
import { INVALID_CASES, VALID_CASES } from './cases.js';

describe('parsePromql valid expressions', () => {
  it.each(VALID_CASES)('accepts $expr', ({ expr, valueType }) => {
    const result = parsePromql(expr);
    expect(result.errors).toEqual([]);
    expect(result.expr?.valueType).toBe(valueType);
    expect(result.expr?.start).toBeGreaterThanOrEqual(0);
    expect(result.expr?.end).toBeLessThanOrEqual(expr.length);
  });
});

describe('parsePromql invalid expressions', () => {
  it.each(INVALID_CASES)('rejects %j', (expr, kind, start, end, fragment) => {
    const [error] = parsePromql(expr).errors;
    expect(error?.message).toContain(fragment);
    expect(error?.kind).toBe(kind);
    expect([error?.start, error?.end]).toEqual([start, end]);
  });

  it('writes full sentences', () => {
    for (const [expr] of INVALID_CASES) {
      for (const error of parsePromql(expr).errors) {
        expect(error.message, expr).toMatch(/^[A-Z`"(].*[.?]$/s);
      }
    }
  });
});
