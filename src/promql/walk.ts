// Traversal helpers for promgate's PromQL tree.
//
// The walks use an explicit stack instead of recursion, so they work for any
// tree depth that the parser produces.

import type { Expr, VectorSelector } from './ast.js';

/** Returns the direct child expressions of `expr` in source order. */
export function childrenOf(expr: Expr): Expr[] {
  switch (expr.type) {
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'VectorSelector':
      return [];
    case 'MatrixSelector':
      return [expr.vectorSelector];
    case 'Subquery':
    case 'Paren':
    case 'Unary':
      return [expr.expr];
    case 'Call':
      return [...expr.args];
    case 'Aggregation':
      return expr.param === undefined ? [expr.expr] : [expr.param, expr.expr];
    case 'Binary':
      return [expr.lhs, expr.rhs];
  }
}

/**
 * Called for each node in pre-order with its ancestors, the root first.
 * Return `false` to skip the node's children. `parents` is only valid during
 * the call, so copy it to keep it.
 */
export type Visitor = (node: Expr, parents: readonly Expr[]) => void | boolean;

/** Visits `root` and its descendants depth-first, in source order. */
export function walk(root: Expr, visit: Visitor): void {
  const parents: Expr[] = [];
  // Two parallel stacks: a node and the depth of its parent chain when it was queued.
  const nodes: Expr[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    parents.length = depth;
    if (visit(node, parents) === false) {
      continue;
    }
    pushChildren(node, nodes, depths, depth + 1);
    parents.push(node);
  }
}

/** Pushes a node's children so that they pop in source order, without allocating a list per node. */
function pushChildren(expr: Expr, nodes: Expr[], depths: number[], depth: number): void {
  switch (expr.type) {
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'VectorSelector':
      return;
    case 'MatrixSelector':
      nodes.push(expr.vectorSelector);
      depths.push(depth);
      return;
    case 'Subquery':
    case 'Paren':
    case 'Unary':
      nodes.push(expr.expr);
      depths.push(depth);
      return;
    case 'Call':
      for (let i = expr.args.length - 1; i >= 0; i--) {
        nodes.push(expr.args[i]!);
        depths.push(depth);
      }
      return;
    case 'Aggregation':
      nodes.push(expr.expr);
      depths.push(depth);
      if (expr.param !== undefined) {
        nodes.push(expr.param);
        depths.push(depth);
      }
      return;
    case 'Binary':
      nodes.push(expr.rhs, expr.lhs);
      depths.push(depth, depth);
      return;
  }
}

/** Returns every vector selector, including those inside range selectors, in source order. */
export function selectorsOf(root: Expr): VectorSelector[] {
  const selectors: VectorSelector[] = [];
  walk(root, (node) => {
    if (node.type === 'VectorSelector') {
      selectors.push(node);
    }
  });
  return selectors;
}
