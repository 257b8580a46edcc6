// PromQL functions and aggregation operators with their signatures.
//
// Signatures match `promql/parser/functions.go` on Prometheus' main branch,
// plus `holt_winters` from 2.x. `since` is the first Prometheus release known
// to accept the function. `<=2.42` marks functions that promtool 2.42
// accepts, which the agreement test checks. Later versions are recorded from
// Prometheus' release history without a test, and `3.x` marks functions
// added during 3.x whose exact release was not checked.

import type { AggregationOp, ValueType } from './ast.js';

export interface FunctionInfo {
  name: string;
  /** Declared argument types. `variadic` marks which are optional or repeated. */
  argTypes: readonly ValueType[];
  /**
   * 0: exactly `argTypes.length` arguments. n > 0: the last declared argument
   * is optional and may repeat up to n times in total. -1: the last declared
   * argument is optional and may repeat without limit. Repeated arguments
   * have the type of the last declared one.
   */
  variadic: number;
  minArgs: number;
  /** Infinity when unbounded. */
  maxArgs: number;
  returnType: ValueType;
  since: string;
  /** Needs `--enable-feature=promql-experimental-functions` in Prometheus 3. */
  experimental: boolean;
  /** Prometheus version that removed the function. */
  removedIn?: string;
}

interface FunctionSpec {
  args: ValueType[];
  variadic?: number;
  returns?: ValueType;
  since?: string;
  experimental?: boolean;
  removedIn?: string;
}

const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const S: ValueType = 'scalar';
const STR: ValueType = 'string';

const SPECS: Readonly<Record<string, FunctionSpec>> = {
  abs: { args: [V] },
  absent: { args: [V] },
  absent_over_time: { args: [M] },
  acos: { args: [V] },
  acosh: { args: [V] },
  asin: { args: [V] },
  asinh: { args: [V] },
  atan: { args: [V] },
  atanh: { args: [V] },
  avg_over_time: { args: [M] },
  ceil: { args: [V] },
  changes: { args: [M] },
  clamp: { args: [V, S, S] },
  clamp_max: { args: [V, S] },
  clamp_min: { args: [V, S] },
  cos: { args: [V] },
  cosh: { args: [V] },
  count_over_time: { args: [M] },
  days_in_month: { args: [V], variadic: 1 },
  day_of_month: { args: [V], variadic: 1 },
  day_of_week: { args: [V], variadic: 1 },
  day_of_year: { args: [V], variadic: 1 },
  deg: { args: [V] },
  delta: { args: [M] },
  deriv: { args: [M] },
  double_exponential_smoothing: { args: [M, S, S], since: '3.0', experimental: true },
  end: { args: [], returns: S, since: '3.x', experimental: true },
  exp: { args: [V] },
  first_over_time: { args: [M], since: '3.x', experimental: true },
  floor: { args: [V] },
  histogram_avg: { args: [V], since: '2.51' },
  histogram_count: { args: [V] },
  histogram_fraction: { args: [S, S, V] },
  histogram_quantile: { args: [S, V] },
  histogram_quantiles: { args: [V, STR, S, S], variadic: 9, since: '3.x', experimental: true },
  histogram_stddev: { args: [V], since: '2.47' },
  histogram_stdvar: { args: [V], since: '2.47' },
  histogram_sum: { args: [V] },
  holt_winters: { args: [M, S, S], removedIn: '3.0' },
  hour: { args: [V], variadic: 1 },
  idelta: { args: [M] },
  increase: { args: [M] },
  info: { args: [V, V], variadic: 1, since: '3.0', experimental: true },
  integral: { args: [M, S], variadic: 1, since: '3.x', experimental: true },
  irate: { args: [M] },
  label_join: { args: [V, STR, STR, STR], variadic: -1 },
  label_replace: { args: [V, STR, STR, STR, STR] },
  last_over_time: { args: [M] },
  ln: { args: [V] },
  log10: { args: [V] },
  log2: { args: [V] },
  mad_over_time: { args: [M], since: '2.49', experimental: true },
  max_over_time: { args: [M] },
  min_over_time: { args: [M] },
  minute: { args: [V], variadic: 1 },
  month: { args: [V], variadic: 1 },
  pi: { args: [], returns: S },
  predict_linear: { args: [M, S] },
  present_over_time: { args: [M] },
  quantile_over_time: { args: [S, M] },
  rad: { args: [V] },
  range: { args: [], returns: S, since: '3.x', experimental: true },
  rate: { args: [M] },
  resets: { args: [M] },
  round: { args: [V, S], variadic: 1 },
  scalar: { args: [V], returns: S },
  sgn: { args: [V] },
  sin: { args: [V] },
  sinh: { args: [V] },
  sort: { args: [V] },
  sort_by_label: { args: [V, STR], variadic: -1, since: '2.49', experimental: true },
  sort_by_label_desc: { args: [V, STR], variadic: -1, since: '2.49', experimental: true },
  sort_desc: { args: [V] },
  sqrt: { args: [V] },
  start: { args: [], returns: S, since: '3.x', experimental: true },
  step: { args: [], returns: S, since: '3.x', experimental: true },
  stddev_over_time: { args: [M] },
  stdvar_over_time: { args: [M] },
  sum_over_time: { args: [M] },
  tan: { args: [V] },
  tanh: { args: [V] },
  time: { args: [], returns: S },
  timestamp: { args: [V] },
  ts_of_first_over_time: { args: [M], since: '3.x', experimental: true },
  ts_of_last_over_time: { args: [M], since: '3.x', experimental: true },
  ts_of_max_over_time: { args: [M], since: '3.x', experimental: true },
  ts_of_min_over_time: { args: [M], since: '3.x', experimental: true },
  vector: { args: [S] },
  year: { args: [V], variadic: 1 },
};

function toInfo(name: string, spec: FunctionSpec): FunctionInfo {
  const variadic = spec.variadic ?? 0;
  const declared = spec.args.length;
  let maxArgs = declared;
  if (variadic < 0) maxArgs = Infinity;
  else if (variadic > 0) maxArgs = declared - 1 + variadic;
  const info: FunctionInfo = {
    name,
    argTypes: Object.freeze([...spec.args]),
    variadic,
    minArgs: variadic === 0 ? declared : declared - 1,
    maxArgs,
    returnType: spec.returns ?? V,
    since: spec.since ?? '<=2.42',
    experimental: spec.experimental ?? false,
  };
  if (spec.removedIn !== undefined) {
    info.removedIn = spec.removedIn;
  }
  return Object.freeze(info);
}

/** All known functions by name. Names are case-sensitive in PromQL. */
export const FUNCTIONS: ReadonlyMap<string, FunctionInfo> = new Map(
  Object.entries(SPECS).map(([name, spec]) => [name, toInfo(name, spec)]),
);

export function getFunction(name: string): FunctionInfo | undefined {
  return FUNCTIONS.get(name);
}

/** The type that argument `index` must have, or undefined past the last allowed argument. */
export function expectedArgType(func: FunctionInfo, index: number): ValueType | undefined {
  if (index < func.argTypes.length) {
    return func.argTypes[index];
  }
  return func.variadic === 0 ? undefined : func.argTypes[func.argTypes.length - 1];
}

export interface AggregationInfo {
  op: AggregationOp;
  /** Type of the leading parameter, for operators that take one. */
  paramType?: 'scalar' | 'string';
  experimental: boolean;
}

const AGGREGATION_LIST: AggregationInfo[] = [
  { op: 'sum', experimental: false },
  { op: 'avg', experimental: false },
  { op: 'count', experimental: false },
  { op: 'min', experimental: false },
  { op: 'max', experimental: false },
  { op: 'group', experimental: false },
  { op: 'stddev', experimental: false },
  { op: 'stdvar', experimental: false },
  { op: 'topk', paramType: 'scalar', experimental: false },
  { op: 'bottomk', paramType: 'scalar', experimental: false },
  { op: 'quantile', paramType: 'scalar', experimental: false },
  { op: 'count_values', paramType: 'string', experimental: false },
  { op: 'limitk', paramType: 'scalar', experimental: true },
  { op: 'limit_ratio', paramType: 'scalar', experimental: true },
];

/** Aggregation operators by lower-case name. */
export const AGGREGATIONS: ReadonlyMap<string, AggregationInfo> = new Map(
  AGGREGATION_LIST.map((info) => [info.op, Object.freeze(info)]),
);
