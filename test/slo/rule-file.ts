import { parse } from 'yaml';
import { parsePromql, walk } from '../../src/promql/index.js';
import type { Expr } from '../../src/promql/index.js';

export interface ParsedRule {
  group: string;
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

type WrittenRule = Omit<ParsedRule, 'group' | 'labels' | 'annotations'> & Partial<Pick<ParsedRule, 'labels' | 'annotations'>>;

/** Reads a generated rule file back with the `yaml` package, one entry per rule. */
export function rulesOf(text: string): ParsedRule[] {
  const file = parse(text) as { groups: { name: string; rules: WrittenRule[] }[] };
  return file.groups.flatMap((group) => group.rules.map((rule) => ({ ...rule, labels: rule.labels ?? {}, annotations: rule.annotations ?? {}, group: group.name })));
}

export function alertsOf(text: string): ParsedRule[] {
  return rulesOf(text).filter((rule) => rule.alert !== undefined);
}

/** Parses an expression, throwing with the parser's message when it is invalid. */
export function parseExpression(expr: string): Expr {
  const parsed = parsePromql(expr);
  if (parsed.expr === undefined || parsed.errors.length > 0) throw new Error(`invalid PromQL ${JSON.stringify(expr)}: ${parsed.errors[0]?.message}`);
  return parsed.expr;
}

/** Visits every node of an expression with its ancestors. */
export function nodesOf(expr: string): { node: Expr; parents: Expr[] }[] {
  const nodes: { node: Expr; parents: Expr[] }[] = [];
  walk(parseExpression(expr), (node, parents) => {
    nodes.push({ node, parents: [...parents] });
  });
  return nodes;
}
