// State shared by the functions that turn the lezer tree into promgate's tree.

import type { SyntaxNode } from '@lezer/common';
import * as terms from '@prometheus-io/lezer-promql';
import type { Diagnostics } from './diagnostics.js';
import { getCompatFeature } from './compat.js';
import type { Token } from './lex.js';

export interface BuildContext {
  /** The original expression. Lezer parsed a copy in which some tokens were rewritten. */
  readonly src: string;
  readonly tokens: readonly Token[];
  readonly diagnostics: Diagnostics;
  readonly experimental: boolean;
}

/** Prometheus feature flags for experimental PromQL syntax. */
export const FEATURE_FLAGS = [
  'promql-experimental-functions',
  'promql-duration-expr',
  'promql-extended-range-selectors',
  'promql-binop-fill-modifiers',
] as const;

export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

export function nodeText(ctx: BuildContext, node: SyntaxNode): string {
  return ctx.src.slice(node.from, node.to);
}

/** Returns the child nodes of `node` without comments, which lezer keeps in the tree. */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.type.id !== terms.LineComment) {
      out.push(child);
    }
  }
  return out;
}

/** Returns the first child of `node` with the given type id. */
export function childOfType(node: SyntaxNode, typeId: number): SyntaxNode | undefined {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.type.id === typeId) {
      return child;
    }
  }
  return undefined;
}

/** Returns the first child of `node` that is not a comment. */
export function firstChildNode(node: SyntaxNode): SyntaxNode | undefined {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.type.id !== terms.LineComment) {
      return child;
    }
  }
  return undefined;
}

/**
 * Accepts an experimental construct when the `experimental` option is set
 * (recording a note), or reports a syntax error that names the feature flag.
 */
export function allowExperimental(
  ctx: BuildContext,
  flag: FeatureFlag,
  what: string,
  start: number,
  end: number,
): boolean {
  if (ctx.experimental) {
    ctx.diagnostics.note('experimental', flag, `${what} needs \`--enable-feature=${flag}\` in Prometheus.`, start, end);
    return true;
  }
  ctx.diagnostics.syntax(
    `${what} is experimental in Prometheus and needs \`--enable-feature=${flag}\`; remove it, or parse with \`{ experimental: true }\` if your Prometheus enables that flag.`,
    start,
    end,
  );
  return false;
}

/** Records that a construct newer than promtool 2.42 was used. */
export function noteNewerFeature(ctx: BuildContext, feature: string, start: number, end: number): void {
  const entry = getCompatFeature(feature);
  const since = entry === undefined ? '' : ` (Prometheus ${entry.since})`;
  ctx.diagnostics.note(
    'newer-feature',
    feature,
    `This uses \`${feature}\`${since}, which promtool 2.42 and older Prometheus servers reject.`,
    start,
    end,
  );
}
