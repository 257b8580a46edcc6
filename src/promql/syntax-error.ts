// Error messages for the places where the lezer grammar could not parse the
// input, phrased from the offending token and the surrounding construct.

import type { SyntaxNode } from '@lezer/common';
import * as terms from '@prometheus-io/lezer-promql';
import { FUNCTIONS } from './functions.js';
import { tokenIndexAt, type Token } from './lex.js';
import { quoteForMessage } from './message-format.js';

export interface SyntaxErrorReport {
  message: string;
  start: number;
  end: number;
  /** Set when the input is valid PromQL that promgate's parser cannot read, rather than an error in the input. */
  limit?: true;
}

function describeToken(src: string, token: Token): string {
  const text = quoteForMessage(src.slice(token.start, token.end));
  switch (token.kind) {
    case 'identifier':
      return `identifier ${text}`;
    case 'keyword':
      return `keyword ${text}`;
    case 'number':
      return `number ${text}`;
    case 'duration':
      return `duration ${text}`;
    case 'string':
      return `string ${text}`;
    default:
      return text;
  }
}

interface Context {
  where: string;
  expected: string;
}

const CONTEXTS: ReadonlyArray<[number, Context]> = [
  [terms.LabelMatchers, { where: 'inside label matchers', expected: 'a matcher such as `job="api"`, a `,` or `}`' }],
  [terms.GroupingLabels, { where: 'in a label list', expected: 'a label name, a `,` or `)`' }],
  [terms.OffsetExpr, { where: 'after `offset`', expected: 'a duration such as `5m` or `-1h`' }],
  [terms.StepInvariantExpr, { where: 'after `@`', expected: 'a Unix timestamp in seconds, `start()` or `end()`' }],
  [terms.MatrixSelector, { where: 'inside brackets', expected: 'a range such as `[5m]` or a subquery such as `[1h:5m]`' }],
  [terms.SubqueryExpr, { where: 'inside brackets', expected: 'a range such as `[5m]` or a subquery such as `[1h:5m]`' }],
  [terms.FunctionCallBody, { where: 'in the argument list', expected: 'an expression, a `,` or `)`' }],
  [terms.AggregateExpr, { where: 'in the aggregation', expected: 'a grouping such as `by (job)` or the arguments in parentheses' }],
  [terms.BinaryExpr, { where: 'after a binary operator', expected: 'an expression' }],
];

function contextOf(node: SyntaxNode): Context | undefined {
  for (let current: SyntaxNode | null = node; current !== null; current = current.parent) {
    for (const [id, context] of CONTEXTS) {
      if (current.type.id === id) {
        return context;
      }
    }
  }
  return undefined;
}

/**
 * Lezer stops reducing a left-associative rule after 300 repetitions in a row
 * (MaxLeftAssociativeReductionCount in @lezer/lr) and reports an error
 * instead, so long chains such as `a or b or ...` fail to parse.
 */
const LEZER_CHAIN_LIMIT = 300;

/** Errors after this many operators are blamed on the chain limit; lezer counts reductions, not operators, so it trips somewhat earlier. */
const CHAIN_LIMIT_SUSPECTED = 200;

const CHAIN_OPERATOR_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'unless', 'atan2']);

function operatorsBefore(src: string, tokens: readonly Token[], index: number): number {
  let count = 0;
  for (let i = 0; i < index; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'operator' || (token.kind === 'keyword' && CHAIN_OPERATOR_WORDS.has(src.slice(token.start, token.end).toLowerCase()))) {
      count++;
    }
  }
  return count;
}

function unknownFunction(src: string, name: Token): SyntaxErrorReport {
  const text = src.slice(name.start, name.end);
  const known = FUNCTIONS.get(text);
  if (known !== undefined) {
    return {
      message: `The function \`${text}\` is not supported by promgate's grammar; it is experimental in Prometheus and needs \`--enable-feature=promql-experimental-functions\`.`,
      start: name.start,
      end: name.end,
    };
  }
  const lower = text.toLowerCase();
  const caseMatch = [...FUNCTIONS.keys()].find((candidate) => candidate === lower);
  const hint = caseMatch === undefined ? ' Check the spelling against the PromQL function list.' : ` Function names are case-sensitive; did you mean \`${caseMatch}\`?`;
  return { message: `Unknown function ${quoteForMessage(text)}.${hint}`, start: name.start, end: name.end };
}

/** Builds the message for the first error node of a lezer tree. */
export function describeSyntaxError(src: string, tokens: readonly Token[], errorNode: SyntaxNode): SyntaxErrorReport {
  const index = tokenIndexAt(tokens, errorNode.from);
  const token = tokens[index];
  const previous = tokens[index - 1];
  const context = contextOf(errorNode);

  if (token === undefined) {
    const where = context === undefined ? '' : ` ${context.where}`;
    const expected = context === undefined ? 'the rest of the expression' : context.expected;
    return {
      message: `The expression ends too early${where}; expected ${expected}.`,
      start: src.length,
      end: src.length,
    };
  }
  const text = src.slice(token.start, token.end);
  if (operatorsBefore(src, tokens, index) > CHAIN_LIMIT_SUSPECTED) {
    return {
      message: `promgate cannot read more than about ${LEZER_CHAIN_LIMIT} chained binary operators at one nesting level, a limit of the lezer parser it builds on, although Prometheus accepts them, so it did not check this expression; add parentheses to split the chain, as in \`(a or b) or (c or d)\`.`,
      start: token.start,
      end: token.end,
      limit: true,
    };
  }
  if (text === '(' && previous?.kind === 'identifier' && src.slice(previous.end, token.start).trim() === '') {
    return unknownFunction(src, previous);
  }
  if (text === ')' && previous !== undefined && src.slice(previous.start, previous.end) === ',') {
    return {
      message: 'Trailing commas are not allowed in function call arguments; remove the `,` before `)`.',
      start: previous.start,
      end: previous.end,
    };
  }
  if (text === '=') {
    return {
      message: 'Unexpected `=`; compare values with `==`, or use `=` only inside label matchers such as `{job="api"}`.',
      start: token.start,
      end: token.end,
    };
  }
  const where = context === undefined ? '' : ` ${context.where}`;
  const expected = context === undefined ? 'an operator, a modifier or the end of the expression' : context.expected;
  return {
    message: `Unexpected ${describeToken(src, token)}${where}; expected ${expected}.`,
    start: token.start,
    end: token.end,
  };
}
