import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';
import { metricNameOf, metricNameRange } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';
import type { Expr } from '../../promql/ast.js';

const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
/** Aggregations whose result is meaningless on a raw counter, whose value depends on when the process started. */
const VALUE_AGGREGATIONS = new Set(['sum', 'avg', 'min', 'max', 'quantile', 'stddev', 'stdvar']);
/** Functions and aggregations after which the counter's values no longer matter, or have been rated. */
const VALUE_INDEPENDENT_AGGREGATIONS = new Set(['count', 'group', 'count_values']);
const RATING_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets', 'changes', 'absent', 'absent_over_time', 'present_over_time', 'count_over_time', 'timestamp']);

/** Nodes that pass a counter's values through unchanged. */
const TRANSPARENT_FUNCTIONS = new Set(['label_replace', 'label_join', 'sort', 'sort_desc', 'sort_by_label', 'sort_by_label_desc']);

export default defineCheck({
  id: 'promql/counter-raw',
  description: 'Require `rate`, `irate` or `increase` before comparing or summing a counter.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      /** Glob patterns of gauges whose names end in `_total` although they are not counters. */
      gauge_patterns: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    const patterns = context.options.gauge_patterns;
    const isGauge = compileNamePatterns(patterns);
    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node, parents) => {
          if (node.type !== 'VectorSelector') return;
          const name = metricNameOf(node);
          if (name === undefined || !name.endsWith('_total') || name.includes(':') || isGauge(name)) return;
          const misuse = findMisuse(node, parents);
          if (misuse === undefined) return;
          const [start, end] = metricNameRange(node);
          context.reportExpression(rule, start, end, {
            message: `The counter \`${name}\` is ${misuse} as a raw value; a counter only grows and restarts at 0, so its value shows how long the process ran, not how much happened.`,
            fix: `Use \`rate(${name}[5m])\` or \`increase(${name}[1h])\` first.`,
          });
        });
      },
    };
  },
});

/** Walks up from a counter selector and returns how it is misused, if it reaches a comparison or value aggregation directly. */
function findMisuse(selector: Expr, parents: readonly Expr[]): string | undefined {
  // `count(sum by (cpu) (x_total))` counts series, and `increase(max(x_total)[1h:])` rates the result: the raw values never surface.
  const valuesUsedRaw = !parents.some(
    (parent) => (parent.type === 'Aggregation' && VALUE_INDEPENDENT_AGGREGATIONS.has(parent.op)) || (parent.type === 'Call' && RATING_FUNCTIONS.has(parent.func.name)),
  );
  if (!valuesUsedRaw) return undefined;
  let child: Expr = selector;
  for (let index = parents.length - 1; index >= 0; index--) {
    const parent = parents[index]!;
    switch (parent.type) {
      case 'Paren':
        break;
      case 'Aggregation':
        if (VALUE_AGGREGATIONS.has(parent.op) && parent.expr === child) return `aggregated with \`${parent.op}\``;
        if (parent.op !== 'topk' && parent.op !== 'bottomk' && parent.op !== 'limitk') return undefined;
        break;
      case 'Call':
        if (!TRANSPARENT_FUNCTIONS.has(parent.func.name)) return undefined;
        break;
      case 'Binary':
        if (COMPARISONS.has(parent.op)) return 'compared';
        if (parent.op === 'and' || parent.op === 'unless' || (parent.op === 'or' && parent.lhs === child)) break;
        return undefined;
      default:
        return undefined;
    }
    child = parent;
  }
  return undefined;
}
