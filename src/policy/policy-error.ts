import { UserError } from '../errors.js';

/** One problem in a policy file, at the position of the key or list item it is about. */
export interface PolicyProblem {
  /** The file as the user knows it, such as `.github/promgate.yml`. */
  file: string;
  /** 1-based line and column of the key, list item or YAML error. */
  line: number;
  column: number;
  /** The key path, such as `checks.labels/env.allowed_values[1]`, or empty for a problem with the whole file. */
  keyPath: string;
  /** The description of the problem, with the value found and the fix. */
  message: string;
}

/** Formats a problem the way compilers do: `file:line:column: key.path: message`. */
export function formatPolicyProblem(problem: PolicyProblem): string {
  const location = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.keyPath === '' ? `${location}: ${problem.message}` : `${location}: ${problem.keyPath}: ${problem.message}`;
}

/** An invalid policy. The message lists every problem, one per line. */
export class PolicyError extends UserError {
  readonly problems: readonly PolicyProblem[];

  constructor(problems: readonly PolicyProblem[]) {
    const sorted = sortProblems(problems);
    super(['the policy is invalid:', ...sorted.map(formatPolicyProblem)].join('\n'));
    this.name = 'PolicyError';
    this.problems = sorted;
  }
}

/** Orders problems by position, keeping files in the order they were read. */
function sortProblems(problems: readonly PolicyProblem[]): PolicyProblem[] {
  const fileOrder = new Map<string, number>();
  for (const problem of problems) if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  return [...problems].sort(
    (left, right) => fileOrder.get(left.file)! - fileOrder.get(right.file)! || left.line - right.line || left.column - right.column,
  );
}
