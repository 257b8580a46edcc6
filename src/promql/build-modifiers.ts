// Postfix modifiers: ranges `[5m]`, subqueries `[1h:5m]`, `offset`, `@`,
// and the experimental `anchored` and `smoothed`.
//
// Prometheus' grammar binds these tighter than any unary or binary operator,
// so `a + b offset 5m` offsets only `b` and `-x[5m]` is `-(x[5m])`. The lezer
// grammar attaches them to the whole expression on the left instead, so
// `applyPostfix` pushes a modifier down to the rightmost operand.

import type { SyntaxNode } from '@lezer/common';
import * as terms from '@prometheus-io/lezer-promql';
import type { AtModifier, Binary, Expr, MatrixSelector, Subquery, Unary, VectorSelector } from './ast.js';
import { allowExperimental, childNodes, firstChildNode, nodeText, noteNewerFeature, type BuildContext } from './build-context.js';
import { MAX_DURATION_MS, parseDuration } from './duration.js';
import { tokenIndexAt } from './lex.js';
import { quoteForMessage } from './message-format.js';
import { parseNumberLiteral } from './number-literal.js';

export type Postfix =
  | { kind: 'range'; rangeMs: number; bracketStart: number; end: number }
  | { kind: 'subquery'; rangeMs: number; stepMs: number | undefined; end: number }
  | { kind: 'offset'; offsetMs: number; end: number }
  | { kind: 'at'; at: AtModifier; end: number }
  | { kind: 'anchored' | 'smoothed'; start: number; end: number };

/** Re-computes a binary node's end, value type and matching after its operands changed. */
export type BinaryFinisher = (node: Binary) => void;

const SELECTOR_NEEDED =
  'must follow an instant vector selector such as `http_requests_total`, a range vector selector such as `x[5m]`, or a subquery';

function applyToSelector(ctx: BuildContext, target: Expr, mod: Postfix): Expr {
  switch (mod.kind) {
    case 'range':
      return applyRange(ctx, target, mod.rangeMs, mod.bracketStart, mod.end);
    case 'subquery': {
      const subquery: Subquery = {
        type: 'Subquery',
        valueType: 'matrix',
        start: target.start,
        end: mod.end,
        expr: target,
        range: mod.rangeMs,
      };
      if (mod.stepMs !== undefined) {
        subquery.step = mod.stepMs;
      }
      return subquery;
    }
    case 'offset':
      return applyOffset(ctx, target, mod.offsetMs, mod.end);
    case 'at':
      return applyAt(ctx, target, mod.at, mod.end);
    case 'anchored':
    case 'smoothed':
      return applyExtendedRange(ctx, target, mod.kind, mod.start, mod.end);
  }
}

/** Applies a postfix modifier to `target`, descending into unary and binary operands. */
export function applyPostfix(ctx: BuildContext, target: Expr, mod: Postfix, finishBinary: BinaryFinisher): Expr {
  // Walk down the right spine in a loop, which keeps the stack flat for
  // long chains.
  const spine: Array<Binary | Unary> = [];
  let current = target;
  while (current.type === 'Binary' || current.type === 'Unary') {
    spine.push(current);
    current = current.type === 'Binary' ? current.rhs : current.expr;
  }
  let result = applyToSelector(ctx, current, mod);
  for (let i = spine.length - 1; i >= 0; i--) {
    const parent = spine[i] as Binary | Unary;
    if (parent.type === 'Binary') {
      parent.rhs = result;
      finishBinary(parent);
    } else {
      parent.expr = result;
      parent.end = result.end;
      parent.valueType = result.valueType;
    }
    result = parent;
  }
  return result;
}

function applyRange(ctx: BuildContext, target: Expr, rangeMs: number, bracketStart: number, end: number): Expr {
  if (target.type !== 'VectorSelector') {
    ctx.diagnostics.syntax(
      `A range such as \`[5m]\` can only follow a vector selector, not ${describeExpr(target)}; use a subquery such as \`[5m:1m]\` to get a range from an expression.`,
      bracketStart,
      end,
    );
    return target;
  }
  if (target.offset !== undefined && target.offset !== 0) {
    ctx.diagnostics.syntax('The `offset` modifier must come after the range: write `x[5m] offset 1h`, not `x offset 1h [5m]`.', bracketStart, end);
    return target;
  }
  if (target.at !== undefined) {
    ctx.diagnostics.syntax('The `@` modifier must come after the range: write `x[5m] @ 1700000000`, not `x @ 1700000000 [5m]`.', bracketStart, end);
    return target;
  }
  const matrix: MatrixSelector = {
    type: 'MatrixSelector',
    valueType: 'matrix',
    start: target.start,
    end,
    vectorSelector: target,
    range: rangeMs,
  };
  return matrix;
}

function modifierHolder(target: Expr): VectorSelector | Subquery | undefined {
  if (target.type === 'VectorSelector' || target.type === 'Subquery') {
    return target;
  }
  if (target.type === 'MatrixSelector') {
    return target.vectorSelector;
  }
  return undefined;
}

function applyOffset(ctx: BuildContext, target: Expr, offsetMs: number, end: number): Expr {
  const holder = modifierHolder(target);
  if (holder === undefined) {
    ctx.diagnostics.syntax(
      `\`offset\` ${SELECTOR_NEEDED}, not ${describeExpr(target)}; move it next to the selector inside, as in \`sum(x offset 5m)\`.`,
      target.start,
      target.end,
    );
    return target;
  }
  // Prometheus treats a zero offset as unset when it checks for a second one.
  if (holder.offset !== undefined && holder.offset !== 0) {
    ctx.diagnostics.syntax('The expression has two `offset` modifiers; keep only one.', target.start, target.end);
    return target;
  }
  holder.offset = offsetMs;
  target.end = end;
  return target;
}

function applyAt(ctx: BuildContext, target: Expr, at: AtModifier, end: number): Expr {
  const holder = modifierHolder(target);
  if (holder === undefined) {
    ctx.diagnostics.syntax(
      `\`@\` ${SELECTOR_NEEDED}, not ${describeExpr(target)}; move it next to the selector inside, as in \`sum(x @ 1700000000)\`.`,
      target.start,
      target.end,
    );
    return target;
  }
  if (holder.at !== undefined) {
    ctx.diagnostics.syntax('The expression has two `@` modifiers; keep only one.', target.start, target.end);
    return target;
  }
  holder.at = at;
  target.end = end;
  return target;
}

function applyExtendedRange(ctx: BuildContext, target: Expr, kind: 'anchored' | 'smoothed', start: number, end: number): Expr {
  if (!allowExperimental(ctx, 'promql-extended-range-selectors', `The \`${kind}\` modifier`, start, end)) {
    return target;
  }
  if (target.type === 'Subquery') {
    ctx.diagnostics.syntax(`The \`${kind}\` modifier does not apply to subqueries; use it on a selector such as \`x[5m] ${kind}\`.`, target.start, end);
    return target;
  }
  let selector;
  if (target.type === 'VectorSelector') selector = target;
  else if (target.type === 'MatrixSelector') selector = target.vectorSelector;
  if (selector === undefined) {
    ctx.diagnostics.syntax(`The \`${kind}\` modifier must follow a selector such as \`x[5m]\`, not ${describeExpr(target)}.`, target.start, end);
    return target;
  }
  selector[kind] = true;
  if (selector.anchored === true && selector.smoothed === true) {
    ctx.diagnostics.syntax('The `anchored` and `smoothed` modifiers cannot be combined; keep one.', target.start, end);
  }
  target.end = end;
  return target;
}

export function describeExpr(expr: Expr): string {
  switch (expr.type) {
    case 'NumberLiteral':
      return 'a number';
    case 'StringLiteral':
      return 'a string';
    case 'VectorSelector':
      return 'a vector selector';
    case 'MatrixSelector':
      return 'a range vector selector';
    case 'Subquery':
      return 'a subquery';
    case 'Call':
      return `a call to \`${expr.func.name}\``;
    case 'Aggregation':
      return `a \`${expr.op}\` aggregation`;
    case 'Binary':
      return 'a binary expression';
    case 'Unary':
      return 'a unary expression';
    case 'Paren':
      return 'a parenthesized expression';
  }
}

// --- Duration values -------------------------------------------------------

interface DurationEval {
  /** Seconds, or NaN when the value depends on the query (`step()`, `range()`). */
  seconds: number;
  /** True when the value is a plain (possibly signed) literal, the only form Prometheus accepts without a feature flag. */
  literal: boolean;
  ok: boolean;
}

const MAX_DURATION_SECONDS = MAX_DURATION_MS / 1000;

function evaluateLiteral(ctx: BuildContext, node: SyntaxNode): DurationEval {
  const token = ctx.tokens[tokenIndexAt(ctx.tokens, node.from)];
  const text = nodeText(ctx, node);
  if (token?.kind === 'duration') {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      ctx.diagnostics.syntax(parsed.error, node.from, node.to);
      return { seconds: 0, literal: true, ok: false };
    }
    return { seconds: parsed.ms / 1000, literal: true, ok: true };
  }
  const parsed = parseNumberLiteral(text);
  if (!parsed.ok) {
    ctx.diagnostics.syntax(parsed.error, node.from, node.to);
    return { seconds: 0, literal: true, ok: false };
  }
  if (Number.isNaN(parsed.value)) {
    ctx.diagnostics.syntax('`NaN` is not a valid duration; write one such as `5m`.', node.from, node.to);
    return { seconds: 0, literal: true, ok: false };
  }
  noteNewerFeature(ctx, 'number-as-duration', node.from, node.to);
  if (text.includes('_')) {
    noteNewerFeature(ctx, 'number-underscores', node.from, node.to);
  }
  return { seconds: parsed.value, literal: true, ok: true };
}

function evaluateBinaryDuration(op: number, lhs: number, rhs: number): number {
  switch (op) {
    case terms.Add:
      return lhs + rhs;
    case terms.Sub:
      return lhs - rhs;
    case terms.Mul:
      return lhs * rhs;
    case terms.Div:
      return lhs / rhs;
    case terms.Mod:
      return lhs % rhs;
    default:
      return lhs ** rhs;
  }
}

/** Evaluates a `DurationExpr` or `OffsetDurationExpr` node to seconds. */
function evaluateDurationNode(ctx: BuildContext, node: SyntaxNode, depth: number): DurationEval {
  const failed: DurationEval = { seconds: 0, literal: false, ok: false };
  if (depth > 100) {
    ctx.diagnostics.syntax('The duration expression is nested too deeply.', node.from, node.to);
    return failed;
  }
  const parts = childNodes(node);
  const first = parts[0];
  if (first === undefined) {
    ctx.diagnostics.syntax('A duration such as `5m` is missing here.', node.from, node.to);
    return failed;
  }
  const id = first.type.id;
  if (id === terms.NumberDurationLiteralInDurationContext) {
    return evaluateLiteral(ctx, first);
  }
  if (id === terms.UnaryOp) {
    const operand = parts[1];
    if (operand === undefined) {
      return failed;
    }
    const inner = evaluateDurationNode(ctx, operand, depth + 1);
    const sign = nodeText(ctx, first) === '-' ? -1 : 1;
    // promtool 2.42 accepts exactly one `-`, and only after `offset`.
    const nestedSign = firstChildNode(operand)?.type.id === terms.UnaryOp;
    if (sign > 0 || nestedSign || node.type.id !== terms.OffsetDurationExpr || depth > 0) {
      noteNewerFeature(ctx, 'signed-durations', node.from, node.to);
    }
    return { seconds: sign * inner.seconds, literal: inner.literal, ok: inner.ok };
  }
  const experimentalText = quoteForMessage(nodeText(ctx, node));
  const allowed = allowExperimental(
    ctx,
    'promql-duration-expr',
    `The duration expression ${experimentalText}`,
    node.from,
    node.to,
  );
  if (!allowed) {
    return failed;
  }
  if (id === terms.DurationStep || id === terms.DurationRange) {
    return { seconds: NaN, literal: false, ok: true };
  }
  if (id === terms.DurationMinOf || id === terms.DurationMaxOf) {
    const lhs = parts[1] === undefined ? failed : evaluateDurationNode(ctx, parts[1], depth + 1);
    const rhs = parts[2] === undefined ? failed : evaluateDurationNode(ctx, parts[2], depth + 1);
    const pick = id === terms.DurationMinOf ? Math.min : Math.max;
    return { seconds: pick(lhs.seconds, rhs.seconds), literal: false, ok: lhs.ok && rhs.ok };
  }
  if (parts.length === 1) {
    // A parenthesized duration expression.
    const inner = evaluateDurationNode(ctx, first, depth + 1);
    return { ...inner, literal: false };
  }
  const opNode = parts[1];
  const rhsNode = parts[2];
  if (opNode === undefined || rhsNode === undefined) {
    return failed;
  }
  const lhs = evaluateDurationNode(ctx, first, depth + 1);
  const rhs = evaluateDurationNode(ctx, rhsNode, depth + 1);
  if ((opNode.type.id === terms.Div || opNode.type.id === terms.Mod) && rhs.ok && rhs.seconds === 0) {
    ctx.diagnostics.syntax(`Division by zero in the duration expression ${experimentalText}.`, opNode.from, opNode.to);
    return failed;
  }
  return { seconds: evaluateBinaryDuration(opNode.type.id, lhs.seconds, rhs.seconds), literal: false, ok: lhs.ok && rhs.ok };
}

/**
 * Evaluates a range, subquery step or offset duration to milliseconds, or
 * returns undefined after reporting an error. Ranges and steps must be
 * positive when written as literals, as in Prometheus.
 */
export function evaluateDuration(ctx: BuildContext, node: SyntaxNode, positive: boolean): number | undefined {
  const value = evaluateDurationNode(ctx, node, 0);
  if (!value.ok) {
    return undefined;
  }
  if (value.literal) {
    if (Math.abs(value.seconds) > MAX_DURATION_SECONDS) {
      ctx.diagnostics.syntax(
        `The duration ${quoteForMessage(nodeText(ctx, node))} is out of range; Prometheus durations are limited to about 292 years.`,
        node.from,
        node.to,
      );
      return undefined;
    }
    if (positive && value.seconds <= 0) {
      ctx.diagnostics.syntax(
        `The duration ${quoteForMessage(nodeText(ctx, node))} must be greater than 0; write a positive duration such as \`5m\`.`,
        node.from,
        node.to,
      );
      return undefined;
    }
  }
  return value.seconds * 1000;
}
