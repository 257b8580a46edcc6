import * as z from 'zod';
import { defineCheck } from '../check.js';
import { inferLabels, labelCertainty } from '../../promql/label-sets.js';
import { selectorsOf } from '../../promql/walk.js';
import type { CheckContext } from '../check.js';
import type { Rule } from '../../load/model.js';
import type { Expr, LabelMatcher } from '../../promql/ast.js';
import type { LabelSet } from '../../promql/label-sets.js';

export default defineCheck({
  id: 'rules/duplicate',
  description: 'Disallow recording rules that write the same series, and alerts defined twice.',
  severity: 'warning',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      end() {
        const byKey = new Map<string, Rule[]>();
        for (const rule of context.repository.rules) {
          const key = identity(rule);
          const list = byKey.get(key);
          if (list === undefined) byKey.set(key, [rule]);
          else list.push(rule);
        }
        for (const rules of byKey.values()) {
          if (rules.length < 2) continue;
          for (const cluster of clusterDuplicates(context, rules)) {
            for (const rule of cluster) report(context, rule, cluster.filter((other) => other !== rule));
          }
        }
      },
    };
  },
});

/** Beyond this many different expressions under one name, only identical expressions are compared, to stay linear. */
const MAX_PAIRWISE_EXPRESSIONS = 200;

/**
 * Groups rules of the same kind, name and static labels into sets that
 * write the same series. Rules with identical expressions always do; for
 * recording rules, different expressions do when their output label sets
 * can overlap. Each set is reported once per member, never per pair, so n
 * copies give n findings.
 */
function clusterDuplicates(context: CheckContext<unknown>, rules: readonly Rule[]): Rule[][] {
  const byText = new Map<string, Rule[]>();
  for (const rule of rules) {
    const text = normalize(rule.expr);
    const list = byText.get(text);
    if (list === undefined) byText.set(text, [rule]);
    else list.push(rule);
  }
  const groups = [...byText.values()];
  const parent = groups.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const comparable = rules[0]!.kind === 'recording' && groups.length <= MAX_PAIRWISE_EXPRESSIONS;
  for (let i = 0; comparable && i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (find(i) !== find(j) && seriesCanOverlap(context, groups[i]![0]!, groups[j]![0]!)) parent[find(j)] = find(i);
    }
  }
  const clusters = new Map<number, Rule[]>();
  groups.forEach((group, index) => {
    const root = find(index);
    clusters.set(root, [...(clusters.get(root) ?? []), ...group]);
  });
  return [...clusters.values()].filter((cluster) => cluster.length > 1);
}

/** Rules that can clash share their kind, name and static labels. */
function identity(rule: Rule): string {
  const labels = rule.labels.length === 0 ? '' : rule.labels.map((label) => `${label.name}\u0001${label.value}`).sort().join('\u0002');
  return `${rule.kind}\u0000${rule.name}\u0000${labels}`;
}

function report(context: CheckContext<unknown>, rule: Rule, others: readonly Rule[]): void {
  const other = others[0]!;
  const where = `${other.group.document.file.path}:${other.group.document.file.source.positionAt(other.nameNode.start).line}`;
  const more = others.length > 1 ? ` and ${others.length - 1} other ${others.length === 2 ? 'rule' : 'rules'}` : '';
  const message =
    rule.kind === 'recording'
      ? `Recording rule \`${rule.name}\` writes the same series as the rule at ${where}${more}, so they overwrite each other at every evaluation and the recorded values flap.`
      : `Alert \`${rule.name}\` is defined more than once with the same labels and expression (also at ${where}${more}), so an edit to one copy changes nothing while the others still fire.`;
  context.reportNode(rule, rule.nameNode, {
    message,
    fix: rule.kind === 'recording' ? 'Remove all but one of the rules, or give them different static labels or output labels.' : 'Keep one copy.',
    related: others.slice(0, 5).map((copy) => ({ file: copy.group.document.file, node: copy.node })),
  });
}

function sameExpression(first: Rule, second: Rule): boolean {
  return normalize(first.expr) === normalize(second.expr);
}

function normalize(expr: string): string {
  return expr.replace(/\s+/g, ' ').trim();
}

/**
 * Returns whether two recording rules with the same name and static labels
 * can produce a series with the same label set. They cannot when one always
 * carries a label the other never has, or when both pin a label to different
 * values through equality matchers.
 */
function seriesCanOverlap(context: CheckContext<unknown>, first: Rule, second: Rule): boolean {
  const left = context.expression(first).expr;
  const right = context.expression(second).expr;
  if (left === undefined || right === undefined) return sameExpression(first, second);

  const leftLabels = inferLabels(left);
  const rightLabels = inferLabels(right);
  if (hasDisjointLabel(leftLabels, rightLabels) || hasDisjointLabel(rightLabels, leftLabels)) return false;
  // Aggregations by different labels, such as `by (job)` and `by (instance)`, write series with different label names.
  if (!leftLabels.open && !rightLabels.open && !sameLabelNames(leftLabels, rightLabels)) return false;

  const leftMatchers = pinnedMatchers(left, leftLabels);
  const rightMatchers = pinnedMatchers(right, rightLabels);
  for (const [name, matcher] of leftMatchers) {
    const other = rightMatchers.get(name);
    if (other !== undefined && matchersAreDisjoint(matcher, other)) return false;
  }
  return true;
}

function sameLabelNames(left: LabelSet, right: LabelSet): boolean {
  return left.labels.size === right.labels.size && [...left.labels.keys()].every((name) => right.labels.has(name));
}

function hasDisjointLabel(set: LabelSet, other: LabelSet): boolean {
  for (const [name, certainty] of set.labels) {
    if (certainty === 'always' && labelCertainty(other, name) === 'never') return true;
  }
  return false;
}

/**
 * Matchers on kept labels that every selector of the expression carries, the
 * same in each: they constrain the label's value in every output series.
 */
function pinnedMatchers(expr: Expr, labels: LabelSet): Map<string, LabelMatcher> {
  const selectors = selectorsOf(expr);
  const pinned = new Map<string, LabelMatcher>();
  if (selectors.length === 0) return pinned;
  const [first, ...rest] = selectors;
  for (const matcher of first!.matchers) {
    if ((matcher.op !== '=' && matcher.op !== '=~') || matcher.name === '__name__' || labelCertainty(labels, matcher.name) === 'never') continue;
    const everywhere = rest.every((selector) => selector.matchers.some((other) => other.op === matcher.op && other.name === matcher.name && other.value === matcher.value));
    if (everywhere) pinned.set(matcher.name, matcher);
  }
  return pinned;
}

/**
 * Returns whether no value can satisfy both matchers. This is decided for
 * equality matchers, alternations of plain words (`GET|LIST`) and patterns
 * with a plain prefix (`2..` against `5..`). Any other pair counts as
 * overlapping, so two rules may be reported as duplicates when their values
 * cannot in fact meet, but no duplicate is missed here.
 */
export function matchersAreDisjoint(left: LabelMatcher, right: LabelMatcher): boolean {
  const leftWords = literalAlternatives(left);
  const rightWords = literalAlternatives(right);
  if (leftWords !== undefined && rightWords !== undefined) return !leftWords.some((word) => rightWords.includes(word));
  if (leftWords !== undefined) return leftWords.every((word) => !matchesAnchored(right.value, word));
  if (rightWords !== undefined) return rightWords.every((word) => !matchesAnchored(left.value, word));
  const leftPrefix = literalPrefix(left.value);
  const rightPrefix = literalPrefix(right.value);
  return !leftPrefix.startsWith(rightPrefix) && !rightPrefix.startsWith(leftPrefix);
}

const PLAIN_WORD = /^[A-Za-z0-9_:./ -]*$/;

/** Returns the values a matcher accepts when it is an equality or an alternation of plain words; undefined otherwise. */
function literalAlternatives(matcher: LabelMatcher): string[] | undefined {
  if (matcher.op === '=') return [matcher.value];
  const words = matcher.value.split('|');
  return words.every((word) => PLAIN_WORD.test(word) && !word.includes('.')) ? words : undefined;
}

/** The characters a pattern's matches must start with: its text before the first regex metacharacter. */
function literalPrefix(pattern: string): string {
  // An alternation such as `5.*|200` may match text without the first branch's prefix.
  if (pattern.includes('|')) return '';
  const index = pattern.search(/[\\.+*?()|[\]{}^$]/);
  const prefix = index === -1 ? pattern : pattern.slice(0, index);
  // A quantifier after the prefix makes its last character optional, as in `ab?`.
  return /^[?*{]/.test(pattern.slice(prefix.length)) ? prefix.slice(0, -1) : prefix;
}

function matchesAnchored(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true;
  }
}
