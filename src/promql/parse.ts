// Entry point: parse a PromQL expression into promgate's tree and report the
// syntax and type errors that Prometheus would report.
//
// Steps: a scan with Prometheus' lexical rules (lex.ts), the lezer grammar
// of Prometheus' web UI for the structure, conversion into promgate's tree
// with the checks Prometheus makes while building its tree (build*.ts), and
// the checks it makes afterwards (check.ts).

import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import type { Expr } from './ast.js';
import { firstChildNode, type BuildContext } from './build-context.js';
import { buildExpr, EXPR_NODE_TYPES } from './build.js';
import { checkExpr } from './check.js';
import { Diagnostics, type PromqlError, type PromqlNote } from './diagnostics.js';
import { lexPromql } from './lex.js';
import { describeSyntaxError } from './syntax-error.js';

/**
 * Maximum nesting of expressions and brackets. Prometheus has no such limit;
 * promgate sets one so that its recursive tree walks stay far below the
 * JavaScript stack size. Deeper input gets a syntax error.
 */
export const MAX_EXPRESSION_DEPTH = 1000;

export interface ParseOptions {
  /**
   * Accept syntax that Prometheus 3 enables only with `--enable-feature`:
   * experimental functions and aggregations, duration expressions, the
   * `anchored` and `smoothed` modifiers and binary fill modifiers. Each use
   * is reported as an `experimental` note. Default false.
   */
  experimental?: boolean;
  /** Nesting limit, `MAX_EXPRESSION_DEPTH` by default. */
  maxDepth?: number;
}

export interface ParseResult {
  /**
   * The tree, present whenever the input had a valid structure. It may
   * still come with errors, for example type errors, so check `errors` first.
   */
  expr?: Expr;
  errors: PromqlError[];
  notes: PromqlNote[];
}

interface TreeScan {
  /** The first error node in document order. */
  error: SyntaxNode | undefined;
  /** The first expression node, in document order, nested deeper than the limit. */
  tooDeep: SyntaxNode | undefined;
}

/**
 * Finds the first error node and the first expression node nested deeper
 * than `limit` in one walk of the lezer tree, because a walk visits every
 * node and each expression is parsed once per run. The walk stops at the
 * first error node, which takes precedence over the depth.
 */
function scanTree(top: SyntaxNode, limit: number): TreeScan {
  const cursor = top.cursor();
  const exprLevels: boolean[] = [];
  let depth = 0;
  let tooDeep: SyntaxNode | undefined;
  for (;;) {
    if (cursor.type.isError) {
      return { error: cursor.node, tooDeep };
    }
    const isExpr = EXPR_NODE_TYPES.has(cursor.type.id);
    if (isExpr) {
      depth++;
      if (depth > limit && tooDeep === undefined) {
        tooDeep = cursor.node;
      }
    }
    if (cursor.firstChild()) {
      exprLevels.push(isExpr);
      continue;
    }
    if (isExpr) {
      depth--;
    }
    while (!cursor.nextSibling()) {
      if (!cursor.parent()) {
        return { error: undefined, tooDeep };
      }
      if (exprLevels.pop() === true) {
        depth--;
      }
    }
  }
}

/** Parses a PromQL expression. Syntax and type errors come back in `errors`, not as exceptions. */
export function parsePromql(input: string, options: ParseOptions = {}): ParseResult {
  const diagnostics = new Diagnostics();
  const result = (expr?: Expr): ParseResult =>
    expr === undefined
      ? { errors: diagnostics.errors, notes: diagnostics.notes }
      : { expr, errors: diagnostics.errors, notes: diagnostics.notes };

  if (typeof input !== 'string') {
    diagnostics.syntax(`The expression must be a string, got ${typeof input}.`, 0, 0);
    return result();
  }
  const maxDepth = options.maxDepth ?? MAX_EXPRESSION_DEPTH;
  const lexed = lexPromql(input, maxDepth);
  if (lexed.tokens.length === 0 && lexed.error === undefined) {
    diagnostics.syntax('The expression is empty; write a PromQL expression such as `up`.', 0, input.length);
    return result();
  }

  const nestingError = lexed.error?.tooDeep === true;
  const tree = nestingError ? undefined : parser.parse(lexed.lezerSource);
  const scan = tree === undefined ? undefined : scanTree(tree.topNode, maxDepth);
  const errorNode = scan?.error;
  if (errorNode !== undefined && (lexed.error === undefined || errorNode.from < lexed.error.start)) {
    const report = describeSyntaxError(input, lexed.tokens, errorNode);
    if (report.limit === true) diagnostics.limit(report.message, report.start, report.end);
    else diagnostics.syntax(report.message, report.start, report.end);
  }
  if (lexed.error !== undefined) {
    // Nesting beyond promgate's own limit is valid PromQL that promgate does not read, not an error in the input.
    if (lexed.error.tooDeep === true) diagnostics.limit(lexed.error.message, lexed.error.start, lexed.error.end);
    else diagnostics.syntax(lexed.error.message, lexed.error.start, lexed.error.end);
  }
  if (tree === undefined || diagnostics.errors.length > 0) {
    return result();
  }

  const tooDeep = scan?.tooDeep;
  if (tooDeep !== undefined) {
    diagnostics.limit(
      `The expression nests more than ${maxDepth} levels deep; promgate rejects deeper expressions. Split it, for example into recording rules.`,
      tooDeep.from,
      tooDeep.to,
    );
    return result();
  }

  const top = firstChildNode(tree.topNode);
  if (top === undefined) {
    diagnostics.syntax('The expression is empty; write a PromQL expression such as `up`.', 0, input.length);
    return result();
  }
  const ctx: BuildContext = {
    src: input,
    tokens: lexed.tokens,
    diagnostics,
    experimental: options.experimental ?? false,
  };
  const expr = buildExpr(ctx, top);
  if (expr !== undefined && !diagnostics.hasSyntaxErrors()) {
    checkExpr(input, expr, diagnostics);
  }
  return result(expr);
}
