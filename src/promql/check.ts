// Checks that Prometheus runs on a finished tree, as `checkAST` in
// promql/parser/parse.go does. They cover function and aggregation argument
// types and counts, operator rules, subqueries and unary operators. They also
// cover the vector selector rules: no metric name set twice, and at least one
// matcher that does not match the empty string.

import type { Aggregation, Binary, Call, Expr, LabelMatcher, ValueType, VectorSelector } from './ast.js';
import type { Diagnostics } from './diagnostics.js';
import { expectedArgType } from './functions.js';
import { describeValueType } from './message-format.js';
import { checkRe2 } from './regex.js';

const COMPARISON_OPS: ReadonlySet<string> = new Set(['==', '!=', '>', '<', '>=', '<=']);
const SET_OPS: ReadonlySet<string> = new Set(['and', 'or', 'unless']);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Returns whether a matcher accepts the empty label value (a missing label). */
export function matcherMatchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return checkRe2(matcher.value).matchesEmpty;
    case '!~':
      return !checkRe2(matcher.value).matchesEmpty;
  }
}

function conversionHint(expected: ValueType, arg: Expr): string {
  if (expected === 'matrix' && arg.valueType === 'vector') {
    return arg.type === 'VectorSelector'
      ? ' Add a range such as `[5m]` to the selector.'
      : ' Turn the expression into a range vector with a subquery such as `[5m:1m]`.';
  }
  if (expected === 'vector' && arg.valueType === 'matrix') {
    return ' Remove the range, or reduce it with a function such as `rate` or `avg_over_time`.';
  }
  if (expected === 'vector' && arg.valueType === 'scalar') {
    return ' Wrap the value in `vector(...)`.';
  }
  if (expected === 'scalar' && arg.valueType === 'vector') {
    return ' Convert it with `scalar(...)`.';
  }
  if (expected === 'string') {
    return ' Write a quoted string such as `"label"`.';
  }
  return '';
}

class Checker {
  constructor(
    private readonly src: string,
    private readonly diagnostics: Diagnostics,
  ) {}

  check(expr: Expr): void {
    switch (expr.type) {
      case 'NumberLiteral':
      case 'StringLiteral':
        return;
      case 'VectorSelector':
        this.checkSelector(expr, false);
        return;
      case 'MatrixSelector':
        this.checkSelector(expr.vectorSelector, false);
        return;
      case 'Subquery':
        this.check(expr.expr);
        if (expr.expr.valueType !== 'vector') {
          this.diagnostics.type(
            `A subquery needs an instant vector in front of the brackets, got ${describeValueType(expr.expr.valueType)}.`,
            expr.start,
            expr.end,
          );
        }
        return;
      case 'Paren':
        this.check(expr.expr);
        return;
      case 'Unary':
        this.check(expr.expr);
        if (expr.expr.valueType !== 'scalar' && expr.expr.valueType !== 'vector') {
          this.diagnostics.type(
            `Unary \`${expr.op}\` applies to scalars and instant vectors, not to ${describeValueType(expr.expr.valueType)}.`,
            expr.start,
            expr.end,
          );
        }
        return;
      case 'Call':
        this.checkCall(expr);
        return;
      case 'Aggregation':
        this.checkAggregation(expr);
        return;
      case 'Binary':
        this.checkBinary(expr);
        return;
    }
  }

  private checkSelector(selector: VectorSelector, allowEmptyMatchers: boolean): void {
    if (selector.metricName !== undefined) {
      const second = selector.matchers.find((matcher) => matcher.name === '__name__');
      if (second !== undefined) {
        this.diagnostics.syntax(
          `The metric name is set twice, as \`${selector.metricName}\` and in the matcher on \`__name__\`; keep one of them.`,
          selector.start,
          selector.end,
        );
      }
      return;
    }
    if (allowEmptyMatchers || selector.matchers.some((matcher) => !matcherMatchesEmpty(matcher))) {
      return;
    }
    this.diagnostics.syntax(
      'A vector selector needs a metric name or at least one matcher that does not match the empty string, such as `{job="api"}` or `{job=~".+"}`.',
      selector.start,
      selector.end,
    );
  }

  private checkCall(call: Call): void {
    const func = call.func;
    const count = call.args.length;
    const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
    if (func.variadic === 0 && count !== func.argTypes.length) {
      this.diagnostics.type(`\`${func.name}\` takes exactly ${plural(func.argTypes.length)} but got ${count}.`, call.start, call.end);
    } else if (count < func.minArgs) {
      this.diagnostics.type(`\`${func.name}\` needs at least ${plural(func.minArgs)} but got ${count}.`, call.start, call.end);
    } else if (count > func.maxArgs) {
      this.diagnostics.type(`\`${func.name}\` takes at most ${plural(func.maxArgs)} but got ${count}.`, call.start, call.end);
    }
    let infoSelector: Expr | undefined;
    if (func.name === 'info' && count > 1) {
      infoSelector = call.args[1];
      this.checkInfoSelector(call, infoSelector);
    }
    for (let index = 0; index < count; index++) {
      const expected = expectedArgType(func, index);
      const arg = call.args[index];
      if (expected === undefined || arg === undefined) {
        break;
      }
      if (arg === infoSelector && arg.type === 'VectorSelector') {
        this.checkSelector(arg, true);
      } else {
        this.check(arg);
      }
      if (arg.valueType !== expected) {
        this.diagnostics.type(
          `\`${func.name}\` expects ${describeValueType(expected)} as its ${ordinal(index)} argument, got ${describeValueType(arg.valueType)}.${conversionHint(expected, arg)}`,
          arg.start,
          arg.end,
        );
      }
    }
  }

  private checkInfoSelector(call: Call, arg: Expr | undefined): void {
    if (arg === undefined) {
      return;
    }
    if (arg.valueType !== 'vector') {
      this.diagnostics.type(`\`info\` expects an instant vector as its second argument, got ${describeValueType(arg.valueType)}.`, call.start, call.end);
    }
    if (arg.type !== 'VectorSelector') {
      this.diagnostics.type('The second argument of `info` must be label matchers such as `{k8s_cluster_name=~".+"}`.', arg.start, arg.end);
    } else if (arg.metricName !== undefined) {
      this.diagnostics.type(
        `The second argument of \`info\` must be label matchers only, without the metric name \`${arg.metricName}\`.`,
        arg.start,
        arg.end,
      );
    }
  }

  private checkAggregation(aggregation: Aggregation): void {
    this.check(aggregation.expr);
    if (aggregation.expr.valueType !== 'vector') {
      this.diagnostics.type(
        `\`${aggregation.op}\` aggregates an instant vector, got ${describeValueType(aggregation.expr.valueType)}.${conversionHint('vector', aggregation.expr)}`,
        aggregation.expr.start,
        aggregation.expr.end,
      );
    }
    const param = aggregation.param;
    if (param === undefined) {
      return;
    }
    this.check(param);
    const expected = aggregation.op === 'count_values' ? 'string' : 'scalar';
    if (param.valueType !== expected) {
      const example = expected === 'string' ? '`count_values("version", build_info)`' : `\`${aggregation.op}(5, x)\``;
      this.diagnostics.type(
        `The parameter of \`${aggregation.op}\` must be ${describeValueType(expected)}, got ${describeValueType(param.valueType)}; write it as ${example}.`,
        param.start,
        param.end,
      );
    }
  }

  /** Range of the operator and its modifiers, without surrounding whitespace. */
  private operatorRange(binary: Binary): [number, number] {
    let end = binary.rhs.start;
    while (end > binary.opEnd && isSpace(this.src.charAt(end - 1))) {
      end--;
    }
    return [binary.opStart, end];
  }

  private checkBinary(binary: Binary): void {
    this.check(binary.lhs);
    this.check(binary.rhs);
    const { op, lhs, rhs, matching } = binary;
    const [opStart, opEnd] = this.operatorRange(binary);
    const comparison = COMPARISON_OPS.has(op);
    const setOp = SET_OPS.has(op);

    if (binary.bool && !comparison) {
      this.diagnostics.type(
        `The \`bool\` modifier only applies to comparison operators (\`==\`, \`!=\`, \`>\`, \`<\`, \`>=\`, \`<=\`), not to \`${op}\`; remove \`bool\`.`,
        opStart,
        opEnd,
      );
    }
    if (comparison && !binary.bool && lhs.valueType === 'scalar' && rhs.valueType === 'scalar') {
      this.diagnostics.type(`Comparing two scalars needs the \`bool\` modifier, as in \`1 ${op} bool 0\`.`, opStart, opEnd);
    }
    if (matching !== undefined && matching.on) {
      for (const label of matching.labels) {
        if (matching.include.includes(label)) {
          const group = matching.card === 'one-to-many' ? 'group_right' : 'group_left';
          this.diagnostics.type(
            `The label \`${label}\` appears in both \`on(...)\` and \`${group}(...)\`; list it only in \`on(...)\`, because matched labels are copied already.`,
            opStart,
            opEnd,
          );
        }
      }
    }
    for (const [side, operand] of [['left', lhs], ['right', rhs]] as const) {
      if (operand.valueType !== 'scalar' && operand.valueType !== 'vector') {
        this.diagnostics.type(
          `Binary operators take scalars and instant vectors, but the ${side} operand of \`${op}\` is ${describeValueType(operand.valueType)}.${conversionHint('vector', operand)}`,
          operand.start,
          operand.end,
        );
      }
    }
    const bothVectors = lhs.valueType === 'vector' && rhs.valueType === 'vector';
    if (!bothVectors && matching !== undefined) {
      if (matching.labels.length > 0) {
        this.diagnostics.type(
          `\`on(...)\` and \`ignoring(...)\` only apply between two instant vectors; the operands of \`${op}\` are ${describeValueType(lhs.valueType)} and ${describeValueType(rhs.valueType)}.`,
          binary.start,
          binary.end,
        );
      }
    } else if (bothVectors && setOp && matching !== undefined && (matching.card === 'many-to-one' || matching.card === 'one-to-many')) {
      this.diagnostics.type(
        `\`${op}\` is a set operator and does not allow \`group_left\` or \`group_right\`; remove the group modifier.`,
        binary.start,
        binary.end,
      );
    }
    if (binary.fill !== undefined && (!bothVectors || setOp)) {
      this.diagnostics.type(
        `Fill modifiers only apply between two instant vectors with an arithmetic or comparison operator, not with \`${op}\` here.`,
        binary.start,
        binary.end,
      );
    }
    if (setOp && (lhs.valueType === 'scalar' || rhs.valueType === 'scalar')) {
      this.diagnostics.type(
        `The set operator \`${op}\` works only between instant vectors; one operand is a scalar. Use a comparison or arithmetic operator instead.`,
        binary.start,
        binary.end,
      );
    }
  }
}

/** Runs Prometheus' post-parse checks on `expr` and records their errors. */
export function checkExpr(src: string, expr: Expr, diagnostics: Diagnostics): void {
  new Checker(src, diagnostics).check(expr);
}
