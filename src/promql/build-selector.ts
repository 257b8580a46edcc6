// Vector selectors, label matchers and grouping label lists.

import type { SyntaxNode } from '@lezer/common';
import * as terms from '@prometheus-io/lezer-promql';
import type { LabelMatcher, MatchOp, VectorSelector } from './ast.js';
import { childNodes, firstChildNode, nodeText, noteNewerFeature, type BuildContext } from './build-context.js';
import { quoteForMessage } from './message-format.js';
import { checkRe2 } from './regex.js';
import { unquoteString } from './string-literal.js';

/** Keywords that Prometheus never accepts as metric names (lower case). */
const RESERVED_METRIC_NAMES: ReadonlySet<string> = new Set([
  'atan2', 'bool', 'on', 'ignoring', 'group_left', 'group_right', 'inf', 'nan',
]);

const MATCH_OPS: ReadonlyMap<number, MatchOp> = new Map([
  [terms.EqlSingle, '='],
  [terms.Neq, '!='],
  [terms.EqlRegex, '=~'],
  [terms.NeqRegex, '!~'],
]);

export function buildVectorSelector(ctx: BuildContext, node: SyntaxNode): VectorSelector {
  const selector: VectorSelector = {
    type: 'VectorSelector',
    valueType: 'vector',
    start: node.from,
    end: node.to,
    metricName: undefined,
    matchers: [],
  };
  for (const child of childNodes(node)) {
    if (child.type.id === terms.Identifier) {
      const name = nodeText(ctx, child);
      if (RESERVED_METRIC_NAMES.has(name.toLowerCase())) {
        ctx.diagnostics.syntax(
          `${quoteForMessage(name)} is a PromQL keyword and cannot be a metric name; select it with \`{__name__="${name}"}\` instead.`,
          child.from,
          child.to,
        );
      }
      selector.metricName = name;
    } else if (child.type.id === terms.LabelMatchers) {
      for (const matcherNode of childNodes(child)) {
        const matcher = buildLabelMatcher(ctx, matcherNode);
        if (matcher !== undefined) {
          selector.matchers.push(matcher);
        }
      }
    }
  }
  return selector;
}

function buildLabelMatcher(ctx: BuildContext, node: SyntaxNode): LabelMatcher | undefined {
  if (node.type.id === terms.QuotedLabelName) {
    // A bare quoted name such as {"http.requests"} selects the metric name.
    const value = unquoteString(nodeText(ctx, node));
    noteNewerFeature(ctx, 'utf8-quoted-names', node.from, node.to);
    return {
      op: '=',
      name: '__name__',
      value,
      start: node.from,
      end: node.to,
      nameStart: node.from,
      nameEnd: node.to,
      valueStart: node.from,
      valueEnd: node.to,
      bareMetricName: true,
    };
  }
  if (node.type.id !== terms.UnquotedLabelMatcher && node.type.id !== terms.QuotedLabelMatcher) {
    return undefined;
  }
  const [nameNode, opNode, valueNode] = childNodes(node);
  if (nameNode === undefined || opNode === undefined || valueNode === undefined) {
    return undefined;
  }
  let name = nodeText(ctx, nameNode);
  if (node.type.id === terms.QuotedLabelMatcher) {
    name = unquoteString(name);
    noteNewerFeature(ctx, 'utf8-quoted-names', nameNode.from, nameNode.to);
  }
  const opToken = firstChildNode(opNode);
  const op = opToken === undefined ? undefined : MATCH_OPS.get(opToken.type.id);
  if (op === undefined) {
    return undefined;
  }
  const value = unquoteString(nodeText(ctx, valueNode));
  if (op === '=~' || op === '!~') {
    const result = checkRe2(value);
    if (result.error !== undefined) {
      ctx.diagnostics.syntax(
        `The regular expression ${quoteForMessage(value)} for label \`${name}\` is not valid RE2 syntax: ${result.error}.`,
        nameNode.from,
        valueNode.to,
      );
    } else if (result.usesAngleNamedGroup) {
      noteNewerFeature(ctx, 'regex-angle-named-groups', valueNode.from, valueNode.to);
    }
  }
  return {
    op,
    name,
    value,
    start: node.from,
    end: node.to,
    nameStart: nameNode.from,
    nameEnd: nameNode.to,
    valueStart: valueNode.from,
    valueEnd: valueNode.to,
  };
}

/** Reads the label names of a `GroupingLabels` node: `(a, b)` of `by`, `on`, `group_left`, ... */
export function buildGroupingLabels(ctx: BuildContext, node: SyntaxNode): string[] {
  const labels: string[] = [];
  for (const child of childNodes(node)) {
    if (child.type.id === terms.LabelName) {
      labels.push(nodeText(ctx, child));
    } else if (child.type.id === terms.QuotedLabelName) {
      const name = unquoteString(nodeText(ctx, child));
      noteNewerFeature(ctx, 'utf8-quoted-names', child.from, child.to);
      if (name === '') {
        ctx.diagnostics.syntax('An empty string is not a valid label name in a grouping list.', child.from, child.to);
      }
      labels.push(name);
    }
  }
  return labels;
}
