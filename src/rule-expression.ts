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

/**
 * Parses rule expressions, parsing each distinct text once. Generated rule
 * files repeat the same expression across many rules, and the trees are
 * never modified, so rules with equal text share one result.
 */
export class ExpressionCache {
  private readonly byText = new Map<string, ParsedExpression>();

  parse(rule: Rule): ParsedExpression {
    if (rule.exprNode === undefined) return { text: rule.expr, expr: undefined, errors: [], notes: [] };
    let parsed = this.byText.get(rule.expr);
    if (parsed === undefined) {
      // Experimental syntax is parsed and reported as notes; promql/syntax decides, from the features the policy enables, which are errors.
      const result = parsePromql(rule.expr, { experimental: true });
      parsed = { text: rule.expr, expr: result.errors.length === 0 ? result.expr : undefined, errors: result.errors, notes: result.notes };
      this.byText.set(rule.expr, parsed);
    }
    return parsed;
  }
}
