import { parser } from '@prometheus-io/lezer-promql';
import type { Rule } from './load/model.js';

export interface ExpressionError {
  message: string;
  /** Offsets in the expression text. */
  start: number;
  end: number;
}

/** A rule's `expr`, parsed once and shared by every check. */
export interface ParsedExpression {
  text: string;
  errors: ExpressionError[];
}

// TODO: replace with the typed PromQL tree once src/promql lands; until then only lezer's error nodes are reported.
export function parseRuleExpression(rule: Rule): ParsedExpression {
  const errors: ExpressionError[] = [];
  const tree = parser.parse(rule.expr);
  tree.iterate({
    enter(node) {
      if (node.type.isError && errors.length === 0) errors.push({ message: 'Invalid PromQL.', start: node.from, end: node.to });
    },
  });
  return { text: rule.expr, errors };
}
