import * as z from 'zod';
import { defineCheck } from '../check.js';
import { metricNameOf } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';
import type { Expr } from '../../promql/ast.js';
import type { Rule } from '../../load/model.js';

const RATE_FUNCTIONS = new Set(['rate', 'increase', 'irate']);
const RATE_LIKE = new Set(['rate', 'irate', 'increase', 'deriv', 'delta', 'idelta']);

export default defineCheck({
  id: 'promql/rate-of-sum',
  description: 'Disallow `rate` and `increase` over an aggregation, which hides counter resets.',
  severity: 'error',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    let summedRecords: Map<string, Rule> | undefined;
    const recordedSums = (): Map<string, Rule> => {
      if (summedRecords === undefined) {
        summedRecords = new Map();
        for (const rule of context.repository.rules) {
          if (rule.kind !== 'recording') continue;
          const { expr } = context.expression(rule);
          if (expr !== undefined && aggregatesRawCounters(expr)) summedRecords.set(rule.name, rule);
        }
      }
      return summedRecords;
    };

    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node) => {
          if (node.type !== 'Call' || !RATE_FUNCTIONS.has(node.func.name)) return;
          const argument = unwrap(node.args[0]);
          const fn = node.func.name;
          if (argument?.type === 'Subquery') {
            const inner = unwrap(argument.expr);
            if (inner?.type !== 'Aggregation') return;
            context.reportExpression(rule, node.start, node.end, {
              message: `\`${fn}\` is applied to a subquery over \`${inner.op}(...)\`: when one of the summed counters restarts, the sum drops and \`${fn}\` reads the drop as a reset, so the result jumps.`,
              fix: `Apply \`${fn}\` to each counter first, then aggregate: \`${inner.op} by (...) (${fn}(counter_total[5m]))\`.`,
            });
            return;
          }
          if (argument?.type !== 'MatrixSelector') return;
          const name = metricNameOf(argument.vectorSelector);
          const recorded = name === undefined ? undefined : recordedSums().get(name);
          if (recorded === undefined || recorded === rule) return;
          const line = recorded.group.document.file.source.positionAt(recorded.nameNode.start).line;
          context.reportExpression(rule, node.start, node.end, {
            message: `\`${fn}\` is applied to \`${name}\`, which the recording rule in ${recorded.group.document.file.path}:${line} computes by aggregating raw counters, so counter resets inside the sum are lost.`,
            fix: `Record the \`${fn}\` of each counter before aggregating, as in \`sum by (...) (${fn}(counter_total[5m]))\`, and use that series.`,
          });
        });
      },
    };
  },
});

function unwrap(expr: Expr | undefined): Expr | undefined {
  let current = expr;
  while (current?.type === 'Paren') current = current.expr;
  return current;
}

/** Returns whether an expression is an aggregation of counters that no rate-like function has turned into rates. */
function aggregatesRawCounters(expr: Expr): boolean {
  const top = unwrap(expr);
  if (top?.type !== 'Aggregation' || !['sum', 'avg', 'min', 'max'].includes(top.op)) return false;
  let rated = false;
  let counter = false;
  walk(top.expr, (node) => {
    if (node.type === 'Call' && RATE_LIKE.has(node.func.name)) rated = true;
    if (node.type === 'VectorSelector' && metricNameOf(node)?.endsWith('_total') === true) counter = true;
    return rated ? false : undefined;
  });
  return counter && !rated;
}
