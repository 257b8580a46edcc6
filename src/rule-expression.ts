import { parsePromql } from './promql/parse.js';
import type { Rule } from './load/model.js';
import type { Expr } from './promql/ast.js';
import type { PromqlError, PromqlNote } from './promql/diagnostics.js';

/** A rule's `expr`, parsed once and shared by every check. */
export interface ParsedExpression {
  text: string;
  /** The syntax tree, present only when the expression has no syntax or type error. */
  expr: Expr | undefined;
  errors: PromqlError[];
  notes: PromqlNote[];
}

export function parseRuleExpression(rule: Rule): ParsedExpression {
  if (rule.exprNode === undefined) return { text: rule.expr, expr: undefined, errors: [], notes: [] };
  const result = parsePromql(rule.expr);
  return { text: rule.expr, expr: result.errors.length === 0 ? result.expr : undefined, errors: result.errors, notes: result.notes };
}
