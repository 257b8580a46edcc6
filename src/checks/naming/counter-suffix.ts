import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';
import { metricNameOf, metricNameRange } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';
import type { Expr, VectorSelector } from '../../promql/ast.js';

const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);
const COUNTER_SUFFIXES = ['_total', '_count', '_sum', '_bucket'];

export default defineCheck({
  id: 'naming/counter-suffix',
  description: 'Require counters passed to `rate`, `irate` and `increase` to end in `_total`, `_count`, `_sum` or `_bucket`.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      /** Glob patterns of exporter metrics that are counters but predate the `_total` convention. */
      exporter_patterns: z.array(z.string()),
    })
    .strict(),
  create(context) {
    const patterns = context.options.exporter_patterns;
    const isExporterMetric = compileNamePatterns(patterns);
    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node, parents) => {
          if (node.type !== 'Call' || !RATE_FUNCTIONS.has(node.func.name)) return;
          const selector = ratedSelector(node.args[0]);
          if (selector === undefined) return;
          const name = metricNameOf(selector);
          if (name === undefined || name.includes(':') || COUNTER_SUFFIXES.some((suffix) => name.endsWith(suffix))) return;
          if (isExporterMetric(name) || feedsHistogramFunction(parents)) return;

          const [start, end] = metricNameRange(selector);
          context.reportExpression(rule, start, end, {
            message: `\`${node.func.name}\` is applied to \`${name}\`, whose name does not end in \`_total\`, \`_count\`, \`_sum\` or \`_bucket\`: either a counter lacks its \`_total\` suffix, or a gauge is being rated.`,
            fix: `If \`${name}\` is a counter, rename it to \`${name}_total\` where it is instrumented; if it is a gauge, use \`deriv\` or \`delta\` instead of \`${node.func.name}\`.`,
          });
        });
      },
    };
  },
});

/** Returns the selector whose samples a rate function reads: `x[5m]`, or `x[5m:1m]` over a plain selector. */
function ratedSelector(argument: Expr | undefined): VectorSelector | undefined {
  let current = argument;
  while (current?.type === 'Paren') current = current.expr;
  if (current?.type === 'MatrixSelector') return current.vectorSelector;
  if (current?.type === 'Subquery') {
    let inner: Expr = current.expr;
    while (inner.type === 'Paren') inner = inner.expr;
    if (inner.type === 'VectorSelector') return inner;
  }
  return undefined;
}

/**
 * Tells whether a `histogram_*` function reads the rated result. A native
 * histogram is rated before `histogram_quantile` and the other `histogram_*`
 * functions read it, so its name needs no counter suffix.
 */
function feedsHistogramFunction(parents: readonly Expr[]): boolean {
  return parents.some((parent) => parent.type === 'Call' && parent.func.name.startsWith('histogram_'));
}
