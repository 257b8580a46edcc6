import { describe, expect, it } from 'vitest';
import { parsePromql, type Expr } from '../../src/promql/index.js';

function parseValid(expr: string): Expr {
  const result = parsePromql(expr);
  expect(result.errors).toEqual([]);
  if (result.expr === undefined) {
    throw new Error(`no tree for ${expr}`);
  }
  return result.expr;
}

function as<T extends Expr['type']>(expr: Expr | undefined, type: T): Extract<Expr, { type: T }> {
  expect(expr?.type).toBe(type);
  return expr as Extract<Expr, { type: T }>;
}

describe('parsePromql tree', () => {
  it('builds a vector selector with matcher offsets', () => {
    const src = 'http_requests_total{job="api", code=~"5.."}';
    const selector = as(parseValid(src), 'VectorSelector');
    expect(selector.metricName).toBe('http_requests_total');
    expect([selector.start, selector.end]).toEqual([0, src.length]);
    const [job, code] = selector.matchers;
    expect(job).toMatchObject({ op: '=', name: 'job', value: 'api' });
    expect(src.slice(job!.start, job!.end)).toBe('job="api"');
    expect(src.slice(job!.nameStart, job!.nameEnd)).toBe('job');
    expect(src.slice(job!.valueStart, job!.valueEnd)).toBe('"api"');
    expect(code).toMatchObject({ op: '=~', name: 'code', value: '5..' });
  });

  it('reads bare quoted metric names as __name__ matchers', () => {
    const selector = as(parseValid('{"http.requests", "k8s.pod"!="a"}'), 'VectorSelector');
    expect(selector.metricName).toBeUndefined();
    expect(selector.matchers[0]).toMatchObject({ name: '__name__', op: '=', value: 'http.requests', bareMetricName: true });
    expect(selector.matchers[1]).toMatchObject({ name: 'k8s.pod', op: '!=', value: 'a' });
  });

  it('stores offsets and @ in milliseconds', () => {
    const selector = as(parseValid('x offset -1h30m @ 1609746000.5'), 'VectorSelector');
    expect(selector.offset).toBe(-5_400_000);
    expect(selector.at).toEqual({ kind: 'timestamp', timestampMs: 1_609_746_000_500 });
    expect(as(parseValid('x @ start()'), 'VectorSelector').at).toEqual({ kind: 'start' });
    expect(as(parseValid('x @ end()'), 'VectorSelector').at).toEqual({ kind: 'end' });
  });

  it('keeps range modifiers on the inner selector', () => {
    const src = 'x[5m] offset 1w @ 100';
    const matrix = as(parseValid(src), 'MatrixSelector');
    expect(matrix.range).toBe(300_000);
    expect(matrix.vectorSelector.offset).toBe(604_800_000);
    expect(matrix.vectorSelector.at).toEqual({ kind: 'timestamp', timestampMs: 100_000 });
    expect([matrix.start, matrix.end]).toEqual([0, src.length]);
  });

  it('builds subqueries with optional step', () => {
    const subquery = as(parseValid('rate(x[5m])[1h:30s] offset 5m'), 'Subquery');
    expect(subquery).toMatchObject({ range: 3_600_000, step: 30_000, offset: 300_000, valueType: 'matrix' });
    expect(as(subquery.expr, 'Call').func.name).toBe('rate');
    expect(as(parseValid('x[1h:]'), 'Subquery').step).toBeUndefined();
  });

  it('binds postfix modifiers to the rightmost operand', () => {
    const binary = as(parseValid('a + b offset 5m'), 'Binary');
    expect(as(binary.lhs, 'VectorSelector').offset).toBeUndefined();
    expect(as(binary.rhs, 'VectorSelector').offset).toBe(300_000);
    const unary = as(parseValid('-x offset 5m'), 'Unary');
    expect(as(unary.expr, 'VectorSelector').offset).toBe(300_000);
    const chain = as(parseValid('a * b @ 1 + c'), 'Binary');
    expect(chain.op).toBe('+');
    expect(as(as(chain.lhs, 'Binary').rhs, 'VectorSelector').at).toEqual({ kind: 'timestamp', timestampMs: 1000 });
  });

  it('gives unary minus lower precedence than ^', () => {
    const unary = as(parseValid('-1 ^ 2'), 'Unary');
    expect(unary.op).toBe('-');
    const power = as(unary.expr, 'Binary');
    expect(as(power.lhs, 'NumberLiteral').value).toBe(1);
    expect(as(parseValid('2 ^ 3 ^ 2'), 'Binary').rhs.type).toBe('Binary');
  });

  it('folds signs into number literals', () => {
    const number = as(parseValid('- 5'), 'NumberLiteral');
    expect(number).toMatchObject({ value: -5, start: 0, end: 3, duration: false });
    expect(as(parseValid('--1'), 'NumberLiteral').value).toBe(1);
    expect(as(parseValid('0x1f'), 'NumberLiteral').value).toBe(31);
    expect(as(parseValid('017'), 'NumberLiteral').value).toBe(15);
    expect(as(parseValid('5.'), 'NumberLiteral').value).toBe(5);
    expect(as(parseValid('1_000'), 'NumberLiteral').value).toBe(1000);
    expect(Number.isNaN(as(parseValid('nan'), 'NumberLiteral').value)).toBe(true);
    expect(as(parseValid('-Inf'), 'NumberLiteral').value).toBe(-Infinity);
    expect(as(parseValid('5m'), 'NumberLiteral')).toMatchObject({ value: 300, duration: true });
  });

  it('unquotes strings with Go escapes', () => {
    expect(as(parseValid('"a\\tb\\u00e9\\x41\\101\\""'), 'StringLiteral').value).toBe('a\tbéAA"');
    expect(as(parseValid("'it\\'s'"), 'StringLiteral').value).toBe("it's");
    expect(as(parseValid('`raw\\n`'), 'StringLiteral').value).toBe('raw\\n');
    expect(as(parseValid('"\\U0001F389"'), 'StringLiteral').value).toBe('🎉');
  });

  it('builds calls with function info', () => {
    const call = as(parseValid('label_join(x, "dst", ",", "a", "b")'), 'Call');
    expect(call.func).toMatchObject({ name: 'label_join', minArgs: 3, maxArgs: Infinity, returnType: 'vector' });
    expect(call.args.map((arg) => arg.type)).toEqual(['VectorSelector', 'StringLiteral', 'StringLiteral', 'StringLiteral', 'StringLiteral']);
    expect([call.nameStart, call.nameEnd]).toEqual([0, 10]);
    expect(as(parseValid('time()'), 'Call').valueType).toBe('scalar');
  });

  it('builds aggregations with grouping', () => {
    const topk = as(parseValid('topk by (job) (5, x)'), 'Aggregation');
    expect(topk).toMatchObject({ op: 'topk', grouping: ['job'], without: false, hasGrouping: true });
    expect(as(topk.param, 'NumberLiteral').value).toBe(5);
    const sum = as(parseValid('SUM(x) WITHOUT (instance)'), 'Aggregation');
    expect(sum).toMatchObject({ op: 'sum', grouping: ['instance'], without: true, hasGrouping: true });
    expect(as(parseValid('sum(x)'), 'Aggregation').hasGrouping).toBe(false);
    expect(as(parseValid('sum by () (x)'), 'Aggregation')).toMatchObject({ grouping: [], hasGrouping: true });
  });

  it('records vector matching', () => {
    const binary = as(parseValid('a * on(job) group_left(team) b'), 'Binary');
    expect(binary.matching).toEqual({ card: 'many-to-one', on: true, labels: ['job'], include: ['team'], explicit: true });
    expect(as(parseValid('a > bool b'), 'Binary')).toMatchObject({ op: '>', bool: true });
    expect(as(parseValid('a and b'), 'Binary').matching?.card).toBe('many-to-many');
    expect(as(parseValid('a + b'), 'Binary').matching).toMatchObject({ card: 'one-to-one', explicit: false });
    expect(as(parseValid('a + 1'), 'Binary').matching).toBeUndefined();
    expect(as(parseValid('a / ignoring(x) group_right b'), 'Binary').matching).toMatchObject({ card: 'one-to-many', on: false, labels: ['x'] });
  });

  it('counts offsets in UTF-16 code units', () => {
    const src = 'x{b="🎉日本"} + x{a="é"}';
    const binary = as(parseValid(src), 'Binary');
    expect([binary.lhs.start, binary.lhs.end]).toEqual([0, 11]);
    expect(as(binary.lhs, 'VectorSelector').matchers[0]?.value).toBe('🎉日本');
    expect(src.slice(binary.rhs.start, binary.rhs.end)).toBe('x{a="é"}');
    const [error] = parsePromql('"🎉" + foo(x)').errors;
    expect([error?.start, error?.end]).toEqual([7, 10]);
  });

  it('flags removed functions in notes', () => {
    const result = parsePromql('holt_winters(x[5m], 0.5, 0.5)');
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([expect.objectContaining({ kind: 'removed-function', feature: 'holt_winters', start: 0, end: 12 })]);
  });

  it('notes features newer than promtool 2.42', () => {
    const features = (expr: string): string[] => parsePromql(expr).notes.map((note) => note.feature);
    expect(features('histogram_avg(x)')).toEqual(['histogram_avg']);
    expect(features('x[300]')).toEqual(['number-as-duration']);
    expect(features('time() - 5m')).toEqual(['duration-as-number']);
    expect(features('x offset 0s')).toEqual(['zero-offset']);
    expect(features('{"a.b"}')).toEqual(['utf8-quoted-names']);
    expect(features('rate(x[5m])')).toEqual([]);
  });
});
