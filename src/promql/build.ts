// Turns an error-free lezer tree into promgate's tree and reports the errors
// that Prometheus raises while it builds its own tree: unknown functions,
// aggregation arity, modifier placement, literals, regexes and experimental
// syntax.

import type { SyntaxNode } from '@lezer/common';
import * as terms from '@prometheus-io/lezer-promql';
import { parser } from '@prometheus-io/lezer-promql';
import type {
  Aggregation,
  AtModifier,
  Binary,
  BinaryOp,
  Call,
  Expr,
  FillValues,
  NumberLiteral,
  Unary,
  VectorMatching,
} from './ast.js';
import { allowExperimental, childNodes, childOfType, firstChildNode, nodeText, noteNewerFeature, type BuildContext } from './build-context.js';
import { applyPostfix, evaluateDuration, type Postfix } from './build-modifiers.js';
import { buildGroupingLabels, buildVectorSelector } from './build-selector.js';
import { getCompatFeature } from './compat.js';
import { parseDuration } from './duration.js';
import { AGGREGATIONS, getFunction } from './functions.js';
import { tokenIndexAt } from './lex.js';
import { quoteForMessage } from './message-format.js';
import { parseNumberLiteral } from './number-literal.js';
import { unquoteString } from './string-literal.js';

const BINARY_OPS: ReadonlyMap<number, BinaryOp> = new Map<number, BinaryOp>([
  [terms.Add, '+'],
  [terms.Sub, '-'],
  [terms.Mul, '*'],
  [terms.Div, '/'],
  [terms.Mod, '%'],
  [terms.Pow, '^'],
  [terms.Atan2, 'atan2'],
  [terms.Eql, '=='],
  [terms.Neq, '!='],
  [terms.Gtr, '>'],
  [terms.Lss, '<'],
  [terms.Gte, '>='],
  [terms.Lte, '<='],
  [terms.And, 'and'],
  [terms.Or, 'or'],
  [terms.Unless, 'unless'],
  [terms.TrimUpper, '</'],
  [terms.TrimLower, '>/'],
]);

/** Lezer node types in the grammar's `Expr` group. */
export const EXPR_NODE_TYPES: ReadonlySet<number> = new Set(
  parser.nodeSet.types.filter((type) => type.is('Expr')).map((type) => type.id),
);

const SET_OPS: ReadonlySet<BinaryOp> = new Set<BinaryOp>(['and', 'or', 'unless']);

/** Matching clauses as written, kept apart so `finishBinary` can re-derive `matching`. */
const writtenMatching = new WeakMap<Binary, VectorMatching>();

function isExprNode(node: SyntaxNode): boolean {
  return EXPR_NODE_TYPES.has(node.type.id);
}

/** Re-derives a binary node's range, value type and matching from its operands. */
export function finishBinary(node: Binary): void {
  node.start = node.lhs.start;
  node.end = node.rhs.end;
  node.valueType = node.lhs.valueType === 'scalar' && node.rhs.valueType === 'scalar' ? 'scalar' : 'vector';
  const written = writtenMatching.get(node);
  if (written !== undefined) {
    node.matching = written;
  } else if (node.lhs.valueType === 'vector' && node.rhs.valueType === 'vector') {
    node.matching = {
      card: SET_OPS.has(node.op) ? 'many-to-many' : 'one-to-one',
      on: false,
      labels: [],
      include: [],
      explicit: false,
    };
  } else {
    delete node.matching;
  }
}

export function buildExpr(ctx: BuildContext, node: SyntaxNode): Expr | undefined {
  switch (node.type.id) {
    case terms.NumberDurationLiteral:
      return buildNumber(ctx, node);
    case terms.StringLiteral:
      return {
        type: 'StringLiteral',
        valueType: 'string',
        value: unquoteString(nodeText(ctx, node)),
        start: node.from,
        end: node.to,
      };
    case terms.VectorSelector:
      return buildVectorSelector(ctx, node);
    case terms.ParenExpr:
      return buildParen(ctx, node);
    case terms.UnaryExpr:
      return buildUnary(ctx, node);
    case terms.BinaryExpr:
      return buildBinary(ctx, node);
    case terms.FunctionCall:
      return buildCall(ctx, node);
    case terms.AggregateExpr:
      return buildAggregation(ctx, node);
    case terms.MatrixSelector:
    case terms.SubqueryExpr:
    case terms.OffsetExpr:
    case terms.StepInvariantExpr:
    case terms.AnchoredExpr:
    case terms.SmoothedExpr:
      return buildPostfix(ctx, node);
    default:
      ctx.diagnostics.syntax(`Unexpected ${quoteForMessage(nodeText(ctx, node))} where an expression was expected.`, node.from, node.to);
      return undefined;
  }
}

function numberToken(ctx: BuildContext, node: SyntaxNode): { start: number; end: number; kind: string } {
  // The number is the last token of the node, after an optional sign and comments.
  const index = tokenIndexAt(ctx.tokens, node.to) - 1;
  const token = ctx.tokens[index];
  if (token === undefined || token.start < node.from) {
    return { start: node.from, end: node.to, kind: 'number' };
  }
  return token;
}

/** Builds a number literal, ignoring a leading sign when `signed` is false (see buildBinary). */
function buildNumber(ctx: BuildContext, node: SyntaxNode, signed = true): NumberLiteral | undefined {
  const token = numberToken(ctx, node);
  const text = ctx.src.slice(token.start, token.end);
  const negative = signed && ctx.src.charAt(node.from) === '-';
  let value: number;
  let duration = false;
  if (token.kind === 'duration') {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      ctx.diagnostics.syntax(parsed.error, token.start, token.end);
      return undefined;
    }
    value = parsed.ms / 1000;
    duration = true;
    noteNewerFeature(ctx, 'duration-as-number', token.start, token.end);
  } else {
    const parsed = parseNumberLiteral(text);
    if (!parsed.ok) {
      ctx.diagnostics.syntax(parsed.error, token.start, token.end);
      return undefined;
    }
    value = parsed.value;
    if (text.includes('_')) {
      noteNewerFeature(ctx, 'number-underscores', token.start, token.end);
    }
  }
  return {
    type: 'NumberLiteral',
    valueType: 'scalar',
    value: negative ? -value : value,
    duration,
    start: signed ? node.from : token.start,
    end: node.to,
  };
}

function buildParen(ctx: BuildContext, node: SyntaxNode): Expr | undefined {
  const inner = firstChildNode(node);
  const expr = inner === undefined ? undefined : buildExpr(ctx, inner);
  if (expr === undefined) {
    return undefined;
  }
  return { type: 'Paren', valueType: expr.valueType, expr, start: node.from, end: node.to };
}

function buildUnary(ctx: BuildContext, node: SyntaxNode): Expr | undefined {
  const [opNode, operandNode] = childNodes(node);
  if (opNode === undefined || operandNode === undefined) {
    return undefined;
  }
  const operand = buildExpr(ctx, operandNode);
  if (operand === undefined) {
    return undefined;
  }
  const op = nodeText(ctx, opNode) === '-' ? '-' : '+';
  // Like Prometheus, fold a sign into a number literal.
  if (operand.type === 'NumberLiteral') {
    return { ...operand, value: op === '-' ? -operand.value : operand.value, start: node.from };
  }
  const unary: Unary = { type: 'Unary', op, expr: operand, valueType: operand.valueType, start: node.from, end: operand.end };
  return unary;
}

function buildMatchingClause(ctx: BuildContext, node: SyntaxNode, op: BinaryOp): VectorMatching {
  const matching: VectorMatching = {
    card: SET_OPS.has(op) ? 'many-to-many' : 'one-to-one',
    on: false,
    labels: [],
    include: [],
    explicit: true,
  };
  let groupingSeen = 0;
  for (const child of childNodes(node)) {
    const id = child.type.id;
    if (id === terms.On) {
      matching.on = true;
    } else if (id === terms.GroupLeft) {
      matching.card = 'many-to-one';
    } else if (id === terms.GroupRight) {
      matching.card = 'one-to-many';
    } else if (id === terms.GroupingLabels) {
      const labels = buildGroupingLabels(ctx, child);
      if (groupingSeen === 0) {
        matching.labels = labels;
      } else {
        matching.include = labels;
      }
      groupingSeen++;
    }
  }
  return matching;
}

function buildFill(ctx: BuildContext, node: SyntaxNode): FillValues | undefined {
  if (!allowExperimental(ctx, 'promql-binop-fill-modifiers', `The fill modifier ${quoteForMessage(nodeText(ctx, node))}`, node.from, node.to)) {
    return undefined;
  }
  const fill: FillValues = {};
  for (const clause of childNodes(node)) {
    const literal = childOfType(clause, terms.NumberDurationLiteral);
    const value = literal === undefined ? undefined : buildNumber(ctx, literal)?.value;
    if (value === undefined) {
      continue;
    }
    if (clause.type.id !== terms.FillRightClause) {
      fill.lhs = value;
    }
    if (clause.type.id !== terms.FillLeftClause) {
      fill.rhs = value;
    }
  }
  return fill;
}

function buildBinary(ctx: BuildContext, node: SyntaxNode): Expr | undefined {
  const parts = childNodes(node);
  const lhsNode = parts[0];
  const opNode = parts[1];
  const rhsNode = parts[parts.length - 1];
  if (lhsNode === undefined || opNode === undefined || rhsNode === undefined || !isExprNode(rhsNode)) {
    return undefined;
  }
  const op = BINARY_OPS.get(opNode.type.id);
  if (op === undefined) {
    return undefined;
  }
  if (op === '</' || op === '>/') {
    noteNewerFeature(ctx, 'histogram-trim-operators', opNode.from, opNode.to);
  }

  // Prometheus parses `-1 ^ 2` as `-(1 ^ 2)`, but lezer reads the sign as
  // part of the literal, so the sign is moved out here.
  const leadingSign = ctx.src.charAt(lhsNode.from);
  const hoistSign = op === '^' && lhsNode.type.id === terms.NumberDurationLiteral && (leadingSign === '-' || leadingSign === '+');
  const lhs = hoistSign ? buildNumber(ctx, lhsNode, false) : buildExpr(ctx, lhsNode);
  const rhs = buildExpr(ctx, rhsNode);
  if (lhs === undefined || rhs === undefined) {
    return undefined;
  }

  const binary: Binary = {
    type: 'Binary',
    op,
    lhs,
    rhs,
    bool: false,
    valueType: 'vector',
    start: lhs.start,
    end: rhs.end,
    opStart: opNode.from,
    opEnd: opNode.to,
  };
  for (const part of parts.slice(2, -1)) {
    if (part.type.id === terms.BoolModifier) {
      binary.bool = true;
    } else if (part.type.id === terms.MatchingModifierClause) {
      writtenMatching.set(binary, buildMatchingClause(ctx, part, op));
    } else if (part.type.id === terms.FillModifier) {
      const fill = buildFill(ctx, part);
      if (fill !== undefined) {
        binary.fill = fill;
      }
    }
  }
  finishBinary(binary);

  if (!hoistSign) {
    return binary;
  }
  const sign = leadingSign === '-' ? '-' : '+';
  return { type: 'Unary', op: sign, expr: binary, valueType: binary.valueType, start: lhsNode.from, end: binary.end };
}

function bodyArgs(ctx: BuildContext, body: SyntaxNode | undefined): Expr[] | undefined {
  const args: Expr[] = [];
  let failed = false;
  for (const child of body === undefined ? [] : childNodes(body)) {
    if (!isExprNode(child)) {
      continue;
    }
    const arg = buildExpr(ctx, child);
    if (arg === undefined) {
      failed = true;
    } else {
      args.push(arg);
    }
  }
  return failed ? undefined : args;
}

function buildCall(ctx: BuildContext, node: SyntaxNode): Call | undefined {
  const nameNode = childOfType(node, terms.FunctionIdentifier);
  const body = childOfType(node, terms.FunctionCallBody);
  if (nameNode === undefined) {
    return undefined;
  }
  const name = nodeText(ctx, nameNode);
  const func = getFunction(name);
  if (func === undefined) {
    ctx.diagnostics.syntax(`Unknown function ${quoteForMessage(name)}; check the spelling against the PromQL function list.`, nameNode.from, nameNode.to);
    return undefined;
  }
  if (func.experimental && !allowExperimental(ctx, 'promql-experimental-functions', `The function \`${name}\``, nameNode.from, nameNode.to)) {
    return undefined;
  }
  if (func.removedIn !== undefined) {
    ctx.diagnostics.note(
      'removed-function',
      name,
      `\`${name}\` was removed in Prometheus ${func.removedIn}; Prometheus 3 offers \`double_exponential_smoothing\` behind \`--enable-feature=promql-experimental-functions\`.`,
      nameNode.from,
      nameNode.to,
    );
  }
  if (getCompatFeature(name) !== undefined) {
    noteNewerFeature(ctx, name, nameNode.from, nameNode.to);
  }
  const args = bodyArgs(ctx, body);
  if (args === undefined) {
    return undefined;
  }
  return {
    type: 'Call',
    func,
    args,
    valueType: func.returnType,
    start: node.from,
    end: node.to,
    nameStart: nameNode.from,
    nameEnd: nameNode.to,
  };
}

function buildAggregation(ctx: BuildContext, node: SyntaxNode): Aggregation | undefined {
  const opNode = childOfType(node, terms.AggregateOp);
  const body = childOfType(node, terms.FunctionCallBody);
  if (opNode === undefined) {
    return undefined;
  }
  const opText = nodeText(ctx, opNode);
  const info = AGGREGATIONS.get(opText.toLowerCase());
  if (info === undefined) {
    return undefined;
  }
  if (info.experimental && !allowExperimental(ctx, 'promql-experimental-functions', `The aggregation \`${info.op}\``, opNode.from, opNode.to)) {
    return undefined;
  }

  const args = bodyArgs(ctx, body);
  if (args === undefined) {
    return undefined;
  }
  const expected = info.paramType === undefined ? 1 : 2;
  if (args.length !== expected) {
    const usage = info.paramType === undefined ? `\`${info.op}(x)\`` : `\`${info.op}(${info.paramType === 'string' ? '"label"' : '5'}, x)\``;
    const message =
      args.length === 0
        ? `\`${opText}\` needs an expression to aggregate, as in ${usage}.`
        : `\`${opText}\` takes ${expected} argument${expected === 1 ? '' : 's'} but got ${args.length}; write it as ${usage}.`;
    ctx.diagnostics.syntax(message, node.from, node.to);
    return undefined;
  }

  const aggregation: Aggregation = {
    type: 'Aggregation',
    valueType: 'vector',
    op: info.op,
    expr: args[expected - 1] as Expr,
    grouping: [],
    without: false,
    hasGrouping: false,
    start: node.from,
    end: node.to,
  };
  if (expected === 2) {
    aggregation.param = args[0] as Expr;
  }

  const modifier = childOfType(node, terms.AggregateModifier);
  if (modifier !== undefined) {
    aggregation.hasGrouping = true;
    aggregation.without = childOfType(modifier, terms.Without) !== undefined;
    const labels = childOfType(modifier, terms.GroupingLabels);
    aggregation.grouping = labels === undefined ? [] : buildGroupingLabels(ctx, labels);
  }
  return aggregation;
}

function buildAt(ctx: BuildContext, valueNode: SyntaxNode): AtModifier | undefined {
  if (valueNode.type.id === terms.AtModifierPreprocessors) {
    return nodeText(ctx, valueNode).toLowerCase() === 'start' ? { kind: 'start' } : { kind: 'end' };
  }
  const literal = buildNumber(ctx, valueNode);
  if (literal === undefined) {
    return undefined;
  }
  const seconds = literal.value;
  // Prometheus stores the timestamp as int64 milliseconds.
  if (!Number.isFinite(seconds) || Math.abs(seconds) >= 9.223372036854775807e18) {
    ctx.diagnostics.syntax(
      `The \`@\` timestamp ${quoteForMessage(nodeText(ctx, valueNode))} is out of bounds; use a Unix timestamp in seconds such as \`1700000000\`.`,
      valueNode.from,
      valueNode.to,
    );
    return undefined;
  }
  const ms = Math.sign(seconds) * Math.round(Math.abs(seconds) * 1000);
  return { kind: 'timestamp', timestampMs: ms };
}

function readPostfix(ctx: BuildContext, node: SyntaxNode, targetNode: SyntaxNode): Postfix | undefined {
  const parts = childNodes(node);
  switch (node.type.id) {
    case terms.MatrixSelector: {
      const rangeNode = parts[1];
      const bracket = ctx.tokens[tokenIndexAt(ctx.tokens, targetNode.to)];
      const rangeMs = rangeNode === undefined ? undefined : evaluateDuration(ctx, rangeNode, true);
      if (rangeMs === undefined) {
        return undefined;
      }
      return { kind: 'range', rangeMs, bracketStart: bracket?.start ?? targetNode.to, end: node.to };
    }
    case terms.SubqueryExpr: {
      const rangeMs = parts[1] === undefined ? undefined : evaluateDuration(ctx, parts[1], true);
      const stepMs = parts[2] === undefined ? undefined : evaluateDuration(ctx, parts[2], true);
      if (rangeMs === undefined || (parts[2] !== undefined && stepMs === undefined)) {
        return undefined;
      }
      return { kind: 'subquery', rangeMs, stepMs, end: node.to };
    }
    case terms.OffsetExpr: {
      const durationNode = childOfType(node, terms.OffsetDurationExpr);
      const offsetMs = durationNode === undefined ? undefined : evaluateDuration(ctx, durationNode, false);
      if (durationNode === undefined || offsetMs === undefined) {
        return undefined;
      }
      if (offsetMs === 0) {
        noteNewerFeature(ctx, 'zero-offset', durationNode.from, durationNode.to);
      }
      return { kind: 'offset', offsetMs, end: node.to };
    }
    case terms.StepInvariantExpr: {
      const valueNode = parts[2];
      const at = valueNode === undefined ? undefined : buildAt(ctx, valueNode);
      return at === undefined ? undefined : { kind: 'at', at, end: node.to };
    }
    default: {
      const keyword = parts[1];
      const kind = node.type.id === terms.AnchoredExpr ? 'anchored' : 'smoothed';
      return { kind, start: keyword?.from ?? node.from, end: node.to };
    }
  }
}

function buildPostfix(ctx: BuildContext, node: SyntaxNode): Expr | undefined {
  const targetNode = firstChildNode(node);
  if (targetNode === undefined) {
    return undefined;
  }
  const target = buildExpr(ctx, targetNode);
  const postfix = readPostfix(ctx, node, targetNode);
  if (target === undefined || postfix === undefined) {
    return undefined;
  }
  return applyPostfix(ctx, target, postfix, finishBinary);
}
