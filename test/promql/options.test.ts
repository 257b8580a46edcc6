import { describe, expect, it } from 'vitest';
import { parsePromql, type Expr } from '../../src/promql/index.js';

const experimental = { experimental: true } as const;

describe('parsePromql experimental option', () => {
  const cases: Array<[string, string]> = [
    ['sort_by_label(x, "a", "b")', 'promql-experimental-functions'],
    ['mad_over_time(x[5m])', 'promql-experimental-functions'],
    ['double_exponential_smoothing(x[5m], 0.5, 0.5)', 'promql-experimental-functions'],
    ['limitk(2, x)', 'promql-experimental-functions'],
    ['limit_ratio(0.1, x)', 'promql-experimental-functions'],
    ['info(x, {k8s_cluster_name=~".+"})', 'promql-experimental-functions'],
    ['x[5m * 2]', 'promql-duration-expr'],
    ['x offset (1h / 2)', 'promql-duration-expr'],
    ['max_over_time(x[step()])', 'promql-duration-expr'],
    ['rate(x[5m] anchored)', 'promql-extended-range-selectors'],
    ['rate(x[5m] smoothed)', 'promql-extended-range-selectors'],
    ['a + fill(0) b', 'promql-binop-fill-modifiers'],
    ['a + on(job) fill_left(1) fill_right(2) b', 'promql-binop-fill-modifiers'],
  ];

  it.each(cases)('rejects %s by default, naming %s', (expr, flag) => {
    const [error] = parsePromql(expr).errors;
    expect(error?.kind).toBe('syntax');
    expect(error?.message).toContain(`--enable-feature=${flag}`);
  });

  it.each(cases)('accepts %s with the option and notes %s', (expr, flag) => {
    const result = parsePromql(expr, experimental);
    expect(result.errors).toEqual([]);
    expect(result.notes.map((note) => note.feature)).toContain(flag);
    expect(result.notes.every((note) => note.kind === 'experimental' || note.kind === 'newer-feature')).toBe(true);
  });

  it('evaluates constant duration expressions', () => {
    const matrix = parsePromql('x[(5 + 2) * 1m]', experimental).expr as Extract<Expr, { type: 'MatrixSelector' }>;
    expect(matrix.range).toBe(420_000);
    const dynamic = parsePromql('x[step()]', experimental).expr as Extract<Expr, { type: 'MatrixSelector' }>;
    expect(Number.isNaN(dynamic.range)).toBe(true);
    expect(parsePromql('x[5m / 0]', experimental).errors[0]?.message).toContain('Division by zero');
  });

  it('records modifiers and fill values', () => {
    const call = parsePromql('rate(x[5m] anchored)', experimental).expr as Extract<Expr, { type: 'Call' }>;
    const matrix = call.args[0] as Extract<Expr, { type: 'MatrixSelector' }>;
    expect(matrix.vectorSelector.anchored).toBe(true);
    const binary = parsePromql('a + fill_left(1) fill_right(2) b', experimental).expr as Extract<Expr, { type: 'Binary' }>;
    expect(binary.fill).toEqual({ lhs: 1, rhs: 2 });
  });

  it('still applies the type rules', () => {
    expect(parsePromql('sort_by_label(x, 1)', experimental).errors[0]?.message).toContain('expects a string as its second argument');
    expect(parsePromql('limitk("a", x)', experimental).errors[0]?.message).toContain('must be a scalar');
    expect(parsePromql('info(x, y)', experimental).errors[0]?.message).toContain('label matchers only');
    expect(parsePromql('x[5m:1m] anchored', experimental).errors[0]?.message).toContain('does not apply to subqueries');
    expect(parsePromql('x[5m] anchored smoothed', experimental).errors[0]?.message).toContain('cannot be combined');
    expect(parsePromql('1 + fill(0) 2', experimental).errors[0]?.message).toContain('Fill modifiers only apply');
  });
});
