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
  // Each entry is a node and the depth of its parent chain when it was queued.
  const stack: Array<[Expr, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Expr, number];
    parents.length = depth;
    if (visit(node, parents) === false) {
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push([children[i] as Expr, depth + 1]);
    }
    parents.push(node);
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
