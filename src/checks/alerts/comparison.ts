import * as z from 'zod';
import { defineCheck } from '../check.js';
import { hasSelector } from '../../promql/selectors.js';
import type { Expr } from '../../promql/ast.js';

const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const PASS_THROUGH_AGGREGATIONS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

export default defineCheck({
  id: 'alerts/comparison',
  description: 'Require alert expressions to filter with a comparison, so they do not fire whenever a series exists.',
  severity: 'warning',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      rule(rule) {
        if (rule.kind !== 'alerting') return;
        const { expr } = context.expression(rule);
        // A dead man's switch such as `vector(1)` reads no series and is meant to fire always.
        if (expr === undefined || !hasSelector(expr)) return;
        for (const branch of orBranches(expr)) {
          if (filters(branch)) continue;
          context.reportExpression(rule, branch.start, branch.end, {
            message: `Alert \`${rule.name}\` has ${branch === expr ? 'an expression' : 'an `or` branch'} with no comparison or filter, so it fires for every series ${branch === expr ? 'it' : 'the branch'} returns, whatever the value.`,
            fix: 'Compare the value with a threshold, such as `... > 0.05`, or use `absent(...)` to alert on missing series. A `bool` comparison does not filter.',
          });
        }
      },
    };
  },
});

/** Splits `a or b or c` into its branches, each judged on its own. */
function orBranches(expr: Expr): Expr[] {
  const branches: Expr[] = [];
  const stack = [expr];
  while (stack.length > 0) {
    let node = stack.pop()!;
    while (node.type === 'Paren') node = node.expr;
    if (node.type === 'Binary' && node.op === 'or') {
      stack.push(node.rhs, node.lhs);
    } else {
      branches.push(node);
    }
  }
  return branches;
}

/** Returns whether an expression returns series only when some condition holds. */
function filters(expr: Expr): boolean {
  switch (expr.type) {
    case 'Paren':
    case 'Unary':
    case 'Subquery':
      return filters(expr.expr);
    case 'Binary':
      if (COMPARISONS.has(expr.op) && !expr.bool) return true;
      if (expr.op === 'and' || expr.op === 'unless') return true;
      if (expr.op === 'or') return filters(expr.lhs) && filters(expr.rhs);
      // Arithmetic between two vectors keeps only series that match on both sides.
      return filters(expr.lhs) || filters(expr.rhs);
    case 'Call':
      if (expr.func.name === 'absent' || expr.func.name === 'absent_over_time') return true;
      return expr.args.some((argument) => (argument.valueType === 'vector' || argument.valueType === 'matrix') && filters(argument));
    case 'Aggregation':
      // topk(3, x) always returns series; sum(x > 1) returns nothing when no series passes.
      return !PASS_THROUGH_AGGREGATIONS.has(expr.op) && filters(expr.expr);
    default:
      return false;
  }
}
