// Node types of promgate's PromQL syntax tree.
//
// Offsets (`start`, `end`, and the `*Start`/`*End` fields) are 0-based,
// end-exclusive UTF-16 code unit indices into the expression string, the
// same indices JavaScript's `String.prototype.slice` uses. Durations and
// offsets are in milliseconds.

import type { FunctionInfo } from './functions.js';

/** PromQL value type: `vector` is an instant vector, `matrix` a range vector. */
export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

export interface NodeBase {
  start: number;
  end: number;
  valueType: ValueType;
}

export interface NumberLiteral extends NodeBase {
  type: 'NumberLiteral';
  valueType: 'scalar';
  value: number;
  /** True when the literal was written as a duration such as `5m` (value in seconds). */
  duration: boolean;
}

export interface StringLiteral extends NodeBase {
  type: 'StringLiteral';
  valueType: 'string';
  /** Unquoted value with escape sequences resolved. */
  value: string;
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  op: MatchOp;
  name: string;
  value: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  /**
   * True for a bare quoted metric name inside braces, such as `{"http.requests"}`,
   * which Prometheus 3 treats as `__name__="http.requests"`.
   */
  bareMetricName?: true;
}

/** The `@` modifier: a Unix timestamp in milliseconds, or `start()`/`end()` of the query. */
export type AtModifier =
  | { kind: 'timestamp'; timestampMs: number }
  | { kind: 'start' }
  | { kind: 'end' };

export interface VectorSelector extends NodeBase {
  type: 'VectorSelector';
  valueType: 'vector';
  /** Metric name written before the braces, or undefined for `{...}` selectors. */
  metricName: string | undefined;
  /** Matchers written inside the braces, in source order. */
  matchers: LabelMatcher[];
  /** Offset in milliseconds, negative for `offset -5m`, or undefined when absent. */
  offset?: number;
  at?: AtModifier;
  /** Experimental `anchored` modifier (`promql-extended-range-selectors`). */
  anchored?: true;
  /** Experimental `smoothed` modifier (`promql-extended-range-selectors`). */
  smoothed?: true;
}

export interface MatrixSelector extends NodeBase {
  type: 'MatrixSelector';
  valueType: 'matrix';
  /** The selector in front of the brackets, which also carries `offset` and `at`. */
  vectorSelector: VectorSelector;
  /**
   * Range in milliseconds. NaN when the range is an experimental duration
   * expression that depends on the query, such as `[step()]`.
   */
  range: number;
}

export interface Subquery extends NodeBase {
  type: 'Subquery';
  valueType: 'matrix';
  expr: Expr;
  /** Range in milliseconds (NaN for query-dependent experimental duration expressions). */
  range: number;
  /** Resolution in milliseconds, or undefined when omitted as in `[5m:]`. */
  step?: number;
  offset?: number;
  at?: AtModifier;
}

export interface Call extends NodeBase {
  type: 'Call';
  func: FunctionInfo;
  args: Expr[];
  /** Offsets of the function name. */
  nameStart: number;
  nameEnd: number;
}

export type AggregationOp =
  | 'sum'
  | 'avg'
  | 'count'
  | 'min'
  | 'max'
  | 'group'
  | 'stddev'
  | 'stdvar'
  | 'topk'
  | 'bottomk'
  | 'count_values'
  | 'quantile'
  | 'limitk'
  | 'limit_ratio';

export interface Aggregation extends NodeBase {
  type: 'Aggregation';
  valueType: 'vector';
  /** Lower-case operator name (PromQL keywords are case-insensitive). */
  op: AggregationOp;
  expr: Expr;
  /** Parameter of `topk`, `bottomk`, `quantile`, `count_values`, `limitk` and `limit_ratio`. */
  param?: Expr;
  /** Labels listed in `by (...)` or `without (...)`. */
  grouping: string[];
  without: boolean;
  /** True when a `by` or `without` clause was written, even an empty one. */
  hasGrouping: boolean;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^' | 'atan2';
export type ComparisonOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
/** Histogram trim operators of Prometheus 3: `</` (trim upper) and `>/` (trim lower). */
export type TrimOp = '</' | '>/';
export type BinaryOp = ArithmeticOp | ComparisonOp | SetOp | TrimOp;

export type MatchingCardinality = 'one-to-one' | 'many-to-one' | 'one-to-many' | 'many-to-many';

export interface VectorMatching {
  card: MatchingCardinality;
  /** True for `on(...)`, false for `ignoring(...)` or no clause. */
  on: boolean;
  /** Labels of the `on(...)` or `ignoring(...)` clause. */
  labels: string[];
  /** Labels of `group_left(...)` or `group_right(...)`. */
  include: string[];
  /** True when `on` or `ignoring` was written. */
  explicit: boolean;
}

/** Experimental `fill(...)`, `fill_left(...)` and `fill_right(...)` values. */
export interface FillValues {
  lhs?: number;
  rhs?: number;
}

export interface Binary extends NodeBase {
  type: 'Binary';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** True when the `bool` modifier was written. */
  bool: boolean;
  /** Vector matching, present when both operands are instant vectors or a matching clause was written. */
  matching?: VectorMatching;
  fill?: FillValues;
  /** Offsets of the operator token. */
  opStart: number;
  opEnd: number;
}

export interface Unary extends NodeBase {
  type: 'Unary';
  op: '-' | '+';
  expr: Expr;
}

export interface Paren extends NodeBase {
  type: 'Paren';
  expr: Expr;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | VectorSelector
  | MatrixSelector
  | Subquery
  | Call
  | Aggregation
  | Binary
  | Unary
  | Paren;

export type ExprType = Expr['type'];
