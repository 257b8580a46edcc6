import { describe, expect, it } from 'vitest';
import { parsePromql } from '../../src/promql/parse.js';
import { findLabelRemoval, inferLabels, labelCertainty } from '../../src/promql/label-sets.js';
import type { Certainty } from '../../src/promql/label-sets.js';

/** Each case lists the certainty expected for some labels of the expression's result. */
const cases: { expr: string; labels: Record<string, Certainty> }[] = [
  { expr: 'http_requests_total', labels: { env: 'maybe', job: 'maybe' } },
  { expr: 'http_requests_total{env="prod"}', labels: { env: 'always' } },
  { expr: 'http_requests_total{env=""}', labels: { env: 'never' } },
  { expr: 'http_requests_total{env=~".+"}', labels: { env: 'always' } },
  { expr: 'http_requests_total{env=~".*"}', labels: { env: 'maybe' } },
  { expr: 'http_requests_total{env!=""}', labels: { env: 'always' } },
  { expr: 'sum(x)', labels: { env: 'never', job: 'never' } },
  { expr: 'sum by (job) (x)', labels: { job: 'maybe', env: 'never' } },
  { expr: 'sum by (env) (x{env="prod"})', labels: { env: 'always' } },
  { expr: 'sum without (instance) (x)', labels: { instance: 'never', env: 'maybe' } },
  { expr: 'topk(3, x)', labels: { env: 'maybe' } },
  { expr: 'count_values("version", x)', labels: { version: 'always', env: 'never' } },
  { expr: 'rate(x[5m])', labels: { env: 'maybe' } },
  { expr: 'x * on (job) y', labels: { job: 'maybe', env: 'never' } },
  { expr: 'x * ignoring (env) y', labels: { env: 'never', job: 'maybe' } },
  { expr: 'sum by (job) (x) * on (job) group_left (env) y', labels: { env: 'maybe', job: 'maybe' } },
  { expr: 'sum by (job) (x) * on (job) group_left (env) sum by (job) (y)', labels: { env: 'never' } },
  { expr: 'y * on (job) group_right (team) sum by (job) (x)', labels: { team: 'maybe', env: 'never' } },
  { expr: 'label_replace(sum(x), "env", "prod", "", "")', labels: { env: 'always' } },
  { expr: 'label_replace(sum by (job) (x), "env", "$1", "job", "(.*)-.*")', labels: { env: 'maybe' } },
  { expr: 'label_join(sum by (a, b) (x{a="1"}), "ab", "-", "a", "b")', labels: { ab: 'always' } },
  { expr: 'absent(up{job="api", env="prod"})', labels: { job: 'always', env: 'always', instance: 'never' } },
  { expr: 'absent(up{job=~"api"})', labels: { job: 'never' } },
  { expr: 'sum(x) * 2', labels: { env: 'never' } },
  { expr: 'x / scalar(sum(y))', labels: { env: 'maybe' } },
  { expr: 'sum(x) or sum by (env) (y)', labels: { env: 'maybe' } },
  { expr: 'sum by (env) (x) or sum by (env) (y)', labels: { env: 'maybe' } },
  { expr: 'x{env="a"} or y{env="b"}', labels: { env: 'always' } },
  { expr: 'sum by (env) (x) and on () vector(1)', labels: { env: 'maybe' } },
  { expr: 'histogram_quantile(0.9, sum by (le, env) (rate(x_bucket[5m])))', labels: { le: 'never', env: 'maybe' } },
  { expr: 'vector(1)', labels: { env: 'never' } },
  { expr: '(sum by (env) (x))', labels: { env: 'maybe' } },
];

describe('inferLabels', () => {
  it.each(cases)('$expr', ({ expr, labels }) => {
    const parsed = parsePromql(expr);
    expect(parsed.errors).toEqual([]);
    const set = inferLabels(parsed.expr!);
    for (const [name, certainty] of Object.entries(labels)) {
      expect({ name, certainty: labelCertainty(set, name) }).toEqual({ name, certainty });
    }
  });
});

describe('findLabelRemoval', () => {
  it.each([
    ['histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))', 'sum by (le) (rate(x_bucket[5m]))'],
    ['sum(x) > 1', 'sum(x)'],
    ['rate(x_total[5m]) / on (job) sum by (job) (y)', 'rate(x_total[5m]) / on (job) sum by (job) (y)'],
    ['max without (env) (x)', 'max without (env) (x)'],
  ])('%s', (expr, removal) => {
    const parsed = parsePromql(expr).expr!;
    const node = findLabelRemoval(parsed, 'env');
    expect(node === undefined ? undefined : expr.slice(node.start, node.end)).toBe(removal);
  });

  it('finds nothing when the label survives', () => {
    expect(findLabelRemoval(parsePromql('sum by (env) (x)').expr!, 'env')).toBeUndefined();
  });
});
