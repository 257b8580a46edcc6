import { checkRe2 } from './regex.js';
import type { Aggregation, Binary, Call, Expr, LabelMatcher, VectorSelector } from './ast.js';

/** Certainty that a result series carries a label. */
export type Certainty = 'always' | 'maybe' | 'never';

/**
 * The labels the series of an expression's result may carry.
 *
 * A set read from a selector is open: any label may be present, because the
 * series keep whatever labels they were stored with, except labels the
 * expression removed. Aggregations without `without`, `on(...)` matching and
 * a few functions close the set: then only the listed labels can exist.
 */
export interface LabelSet {
  open: boolean;
  /** Labels known to exist on every series (`always`) or on some (`maybe`). */
  labels: Map<string, Exclude<Certainty, 'never'>>;
  /** In an open set, labels the expression removed. */
  removed: Set<string>;
}

export function labelCertainty(set: LabelSet, name: string): Certainty {
  const known = set.labels.get(name);
  if (known !== undefined) return known;
  if (!set.open || set.removed.has(name)) return 'never';
  return 'maybe';
}

/** Infers the labels of an expression's result series. Scalars and strings have none. */
export function inferLabels(expr: Expr): LabelSet {
  switch (expr.type) {
    case 'NumberLiteral':
    case 'StringLiteral':
      return closed();
    case 'VectorSelector':
      return selectorLabels(expr);
    case 'MatrixSelector':
      return selectorLabels(expr.vectorSelector);
    case 'Subquery':
    case 'Paren':
    case 'Unary':
      return inferLabels(expr.expr);
    case 'Call':
      return callLabels(expr);
    case 'Aggregation':
      return aggregationLabels(expr);
    case 'Binary':
      return binaryLabels(expr);
  }
}

function closed(labels: Map<string, Exclude<Certainty, 'never'>> = new Map()): LabelSet {
  return { open: false, labels, removed: new Set() };
}

function copy(set: LabelSet): LabelSet {
  return { open: set.open, labels: new Map(set.labels), removed: new Set(set.removed) };
}

function selectorLabels(selector: VectorSelector): LabelSet {
  const set: LabelSet = { open: true, labels: new Map(), removed: new Set() };
  for (const matcher of selector.matchers) {
    if (matcher.name === '__name__') continue;
    if (matchesOnlyEmpty(matcher)) set.removed.add(matcher.name);
    else if (requiresValue(matcher)) set.labels.set(matcher.name, 'always');
  }
  return set;
}

/** Returns whether only an absent label (an empty value) satisfies a matcher, as for `env=""`. */
function matchesOnlyEmpty(matcher: LabelMatcher): boolean {
  return (matcher.op === '=' && matcher.value === '') || (matcher.op === '=~' && (matcher.value === '' || matcher.value === '^$'));
}

/** Returns whether an absent label cannot satisfy a matcher, as for `env="prod"` or `env!=""`. */
function requiresValue(matcher: LabelMatcher): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value !== '';
    case '!=':
      return matcher.value === '';
    case '=~':
      return !matchesEmpty(matcher.value);
    case '!~':
      return matcher.value === '' || matcher.value === '^$';
  }
}

/** Returns whether an anchored RE2 pattern matches the empty string; an invalid pattern counts as matching it. */
function matchesEmpty(pattern: string): boolean {
  const result = checkRe2(pattern);
  return result.error !== undefined || result.matchesEmpty;
}

const LABEL_KEEPING_FUNCTIONS_FIRST_VECTOR = new Set(['sort_by_label', 'sort_by_label_desc']);

function callLabels(call: Call): LabelSet {
  const name = call.func.name;
  const [first] = call.args;

  switch (name) {
    case 'absent':
    case 'absent_over_time': {
      // absent() returns one series whose labels come from the equality matchers of its selector.
      const selector = first === undefined ? undefined : innerSelector(first);
      const labels = new Map<string, 'always'>();
      for (const matcher of selector?.matchers ?? []) {
        if (matcher.op === '=' && matcher.name !== '__name__' && matcher.value !== '') labels.set(matcher.name, 'always');
      }
      return closed(labels);
    }
    case 'vector':
    case 'time':
    case 'pi':
    case 'scalar':
      return closed();
    case 'histogram_quantile':
    case 'histogram_fraction': {
      const vector = call.args[call.args.length - 1];
      const set = vector === undefined ? closed() : copy(inferLabels(vector));
      removeLabel(set, 'le');
      return set;
    }
    case 'label_replace': {
      const set = first === undefined ? closed() : copy(inferLabels(first));
      const destination = stringArgument(call, 1);
      if (destination === undefined) return set;
      const replacement = stringArgument(call, 2) ?? '';
      const source = stringArgument(call, 3) ?? '';
      const regex = stringArgument(call, 4) ?? '';
      // The regex always matches when it accepts anything, or when the source label is empty and it accepts "".
      const matchesEverything = ['.*', '(.*)', '^(.*)$', '.*?', '(.*?)'].includes(regex) || (source === '' && matchesEmpty(regex));
      if (replacement === '') {
        if (matchesEverything) removeLabel(set, destination);
        return set;
      }
      const certain = matchesEverything && !replacement.includes('$');
      if (set.labels.get(destination) !== 'always') set.labels.set(destination, certain ? 'always' : 'maybe');
      set.removed.delete(destination);
      return set;
    }
    case 'label_join': {
      const set = first === undefined ? closed() : copy(inferLabels(first));
      const destination = stringArgument(call, 1);
      if (destination === undefined) return set;
      const sources = call.args.slice(3).map((_, index) => stringArgument(call, index + 3));
      const anySourcePresent = sources.some((source) => source !== undefined && labelCertainty(set, source) === 'always');
      set.labels.set(destination, anySourcePresent ? 'always' : 'maybe');
      set.removed.delete(destination);
      return set;
    }
    default: {
      if (LABEL_KEEPING_FUNCTIONS_FIRST_VECTOR.has(name) && first !== undefined) return inferLabels(first);
      // Other functions keep the labels of their vector or range vector argument.
      const vector = call.args.find((argument) => argument.valueType === 'vector' || argument.valueType === 'matrix');
      if (vector !== undefined) return inferLabels(vector);
      return closed();
    }
  }
}

function aggregationLabels(aggregation: Aggregation): LabelSet {
  const inner = inferLabels(aggregation.expr);
  let set: LabelSet;
  if (aggregation.op === 'topk' || aggregation.op === 'bottomk' || aggregation.op === 'limitk' || aggregation.op === 'limit_ratio') {
    set = copy(inner);
  } else if (aggregation.without) {
    set = copy(inner);
    for (const label of aggregation.grouping) removeLabel(set, label);
  } else {
    const labels = new Map<string, Exclude<Certainty, 'never'>>();
    for (const label of aggregation.grouping) {
      const certainty = labelCertainty(inner, label);
      if (certainty !== 'never') labels.set(label, certainty);
    }
    set = closed(labels);
  }

  if (aggregation.op === 'count_values' && aggregation.param?.type === 'StringLiteral') {
    set.labels.set(aggregation.param.value, 'always');
    set.removed.delete(aggregation.param.value);
  }
  return set;
}

function binaryLabels(binary: Binary): LabelSet {
  const left = inferLabels(binary.lhs);
  const right = inferLabels(binary.rhs);
  const leftIsVector = binary.lhs.valueType === 'vector';
  const rightIsVector = binary.rhs.valueType === 'vector';

  // A scalar operand never removes labels from the vector side.
  if (leftIsVector && !rightIsVector) return left;
  if (!leftIsVector && rightIsVector) return right;
  if (!leftIsVector && !rightIsVector) return closed();

  if (binary.op === 'or') return union(left, right);
  if (binary.op === 'and' || binary.op === 'unless') return left;

  const matching = binary.matching;
  if (matching === undefined || matching.card === 'one-to-one') {
    if (matching?.explicit === true && matching.on) {
      const labels = new Map<string, Exclude<Certainty, 'never'>>();
      for (const label of matching.labels) {
        const certainty = strongest(labelCertainty(left, label), labelCertainty(right, label));
        if (certainty !== 'never') labels.set(label, certainty);
      }
      return closed(labels);
    }
    if (matching?.explicit === true) {
      const set = copy(left);
      for (const label of matching.labels) removeLabel(set, label);
      return set;
    }
    return left;
  }

  // group_left keeps the left side's labels and copies the listed ones from the right; group_right mirrors it.
  const [many, one] = matching.card === 'many-to-one' ? [left, right] : [right, left];
  const set = copy(many);
  for (const label of matching.include) {
    const certainty = labelCertainty(one, label);
    if (certainty === 'never') removeLabel(set, label);
    else {
      set.labels.set(label, certainty === 'always' ? 'always' : 'maybe');
      set.removed.delete(label);
    }
  }
  return set;
}

/** Labels of `a or b`: a label is certain only when both branches always carry it. */
export function union(left: LabelSet, right: LabelSet): LabelSet {
  const set: LabelSet = { open: left.open || right.open, labels: new Map(), removed: new Set() };
  for (const name of new Set([...left.labels.keys(), ...right.labels.keys()])) {
    const a = labelCertainty(left, name);
    const b = labelCertainty(right, name);
    set.labels.set(name, a === 'always' && b === 'always' ? 'always' : 'maybe');
  }
  if (set.open) {
    for (const name of [...left.removed, ...right.removed]) {
      if (labelCertainty(left, name) === 'never' && labelCertainty(right, name) === 'never') set.removed.add(name);
    }
  }
  return set;
}

function strongest(a: Certainty, b: Certainty): Certainty {
  if (a === 'always' || b === 'always') return 'always';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'never';
}

function removeLabel(set: LabelSet, name: string): void {
  set.labels.delete(name);
  if (set.open) set.removed.add(name);
}

function stringArgument(call: Call, index: number): string | undefined {
  let argument = call.args[index];
  while (argument?.type === 'Paren') argument = argument.expr;
  return argument?.type === 'StringLiteral' ? argument.value : undefined;
}

/** Returns the selector an expression reads directly, looking through parentheses and ranges. */
export function innerSelector(expr: Expr): VectorSelector | undefined {
  let current: Expr = expr;
  for (;;) {
    switch (current.type) {
      case 'VectorSelector':
        return current;
      case 'MatrixSelector':
        return current.vectorSelector;
      case 'Paren':
        current = current.expr;
        break;
      default:
        return undefined;
    }
  }
}

/**
 * Returns the node that removes a label: the outermost node whose result
 * can never carry the label although one of its operands may. Undefined
 * when the label is never present in the first place, such as `vector(1)`.
 */
export function findLabelRemoval(expr: Expr, name: string): Expr | undefined {
  let current: Expr = expr;
  for (;;) {
    if (labelCertainty(inferLabels(current), name) !== 'never') return undefined;
    const operands = vectorOperands(current);
    const keeping = operands.find((operand) => labelCertainty(inferLabels(operand), name) !== 'never');
    if (keeping !== undefined) return current;
    // Every operand lacks the label already: look for where it was removed inside the first one that reads series.
    const next = operands[0];
    if (next === undefined) return undefined;
    current = next;
  }
}

function vectorOperands(expr: Expr): Expr[] {
  switch (expr.type) {
    case 'Paren':
    case 'Unary':
    case 'Subquery':
    case 'Aggregation':
      return [expr.expr];
    case 'MatrixSelector':
      return [expr.vectorSelector];
    case 'Call':
      return expr.args.filter((argument) => argument.valueType === 'vector' || argument.valueType === 'matrix');
    case 'Binary':
      return [expr.lhs, expr.rhs].filter((operand) => operand.valueType === 'vector');
    default:
      return [];
  }
}
