import { SourceFile } from '../../src/load/source-file.js';
import type { SloSpecProblem } from '../../src/slo/index.js';

export interface PlacedProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** Adds 1-based lines and columns to problems, for assertions that read like an editor's. */
export function placeProblems(text: string, problems: readonly SloSpecProblem[]): PlacedProblem[] {
  const source = new SourceFile('spec.yml', text);
  return problems.map((problem) => ({ ...source.positionAt(problem.start), message: problem.message, fix: problem.fix }));
}
