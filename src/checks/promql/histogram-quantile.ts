import * as z from 'zod';
import { defineCheck } from '../check.js';
import { inferLabels, labelCertainty } from '../../promql/label-sets.js';
import { metricNameOf } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';
import type { Expr, VectorSelector } from '../../promql/ast.js';

const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

export default defineCheck({
  id: 'promql/histogram-quantile',
  description: 'Require `histogram_quantile` to read rated buckets that keep `le`, with a quantile from 0 to 1.',
  severity: 'warning',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node) => {
          if (node.type !== 'Call' || node.func.name !== 'histogram_quantile') return;
          const [quantile, buckets] = node.args;
          if (quantile === undefined || buckets === undefined) return;

          const value = numberValue(quantile);
          if (value !== undefined && (value < 0 || value > 1)) {
            context.reportExpression(rule, quantile.start, quantile.end, {
              message: `\`histogram_quantile\` is asked for the quantile ${value}, outside 0 to 1, so it returns \`${value < 0 ? '-Inf' : '+Inf'}\`.`,
              fix: value > 1 && value <= 100 ? `Write the quantile as a fraction: \`${value / 100}\` for the ${value}th percentile.` : 'Use a quantile from 0 to 1, such as `0.99`.',
            });
          }

          const selectors = bucketSelectors(buckets);
          if (selectors.length === 0) return;
          if (labelCertainty(inferLabels(buckets), 'le') === 'never') {
            context.reportExpression(rule, buckets.start, buckets.end, {
              message: `\`histogram_quantile\` reads \`${metricNameOf(selectors[0]!.selector)}\` through an aggregation that drops the \`le\` label, so it has no buckets to interpolate and returns nothing.`,
              fix: 'Keep `le` in the grouping, as in `sum by (job, le) (rate(..._bucket[5m]))`.',
            });
          }
          for (const { selector, rated } of selectors) {
            if (rated) continue;
            context.reportExpression(rule, selector.start, selector.end, {
              message: `\`histogram_quantile\` reads the bucket counter \`${metricNameOf(selector)}\` without \`rate\`, so the quantile covers everything since the process started instead of recent requests.`,
              fix: `Wrap the buckets in \`rate(...[5m])\`, as in \`histogram_quantile(0.99, sum by (le) (rate(${metricNameOf(selector)}[5m])))\`.`,
            });
          }
        });
      },
    };
  },
});

function numberValue(expr: Expr): number | undefined {
  if (expr.type === 'NumberLiteral') return expr.value;
  if (expr.type === 'Paren') return numberValue(expr.expr);
  if (expr.type === 'Unary') {
    const inner = numberValue(expr.expr);
    return inner === undefined ? undefined : expr.op === '-' ? -inner : inner;
  }
  return undefined;
}

/** Lists the `_bucket` selectors an expression reads, and whether a rate function is applied to each. */
function bucketSelectors(expr: Expr): { selector: VectorSelector; rated: boolean }[] {
  const found: { selector: VectorSelector; rated: boolean }[] = [];
  walk(expr, (node, parents) => {
    if (node.type !== 'VectorSelector' || metricNameOf(node)?.endsWith('_bucket') !== true) return;
    const rated = parents.some((parent) => parent.type === 'Call' && RATE_FUNCTIONS.has(parent.func.name));
    found.push({ selector: node, rated });
  });
  return found;
}
