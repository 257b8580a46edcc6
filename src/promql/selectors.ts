// Helpers for vector selectors.

import type { Expr, VectorSelector } from './ast.js';
import { walk } from './walk.js';

/**
 * Returns the metric name a selector selects: the name before the braces, or
 * the value of an `=` matcher on `__name__` (including Prometheus 3's bare
 * quoted names such as `{"http.requests"}`).
 */
export function metricNameOf(selector: VectorSelector): string | undefined {
  if (selector.metricName !== undefined) {
    return selector.metricName;
  }
  return selector.matchers.find((matcher) => matcher.name === '__name__' && matcher.op === '=')?.value;
}

/**
 * Returns the offsets of the text that names the metric: the name before the
 * braces, else the `__name__` matcher, else the whole selector.
 */
export function metricNameRange(selector: VectorSelector): [number, number] {
  if (selector.metricName !== undefined) {
    return [selector.start, selector.start + selector.metricName.length];
  }
  const matcher = selector.matchers.find((candidate) => candidate.name === '__name__' && candidate.op === '=');
  return matcher === undefined ? [selector.start, selector.end] : [matcher.start, matcher.end];
}

/** Returns whether the expression reads any series, that is, contains a vector selector. */
export function hasSelector(root: Expr): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) {
      return false;
    }
    found = node.type === 'VectorSelector';
    return !found;
  });
  return found;
}
