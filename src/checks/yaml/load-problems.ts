import type { CheckContext, CheckVisitor } from '../check.js';
import type { LoadProblem } from '../../load/model.js';

/** Reports the problems the loader found under one `yaml/*` check id. */
export function reportLoadProblems(context: CheckContext<unknown>, check: LoadProblem['check']): CheckVisitor {
  return {
    file(file) {
      for (const problem of file.problems) {
        if (problem.check !== check) continue;
        const report: { message: string; fix?: string; severity?: LoadProblem['severity'] } = { message: problem.message };
        if (problem.fix !== undefined) report.fix = problem.fix;
        if (problem.severity !== undefined) report.severity = problem.severity;
        context.reportRange(file, problem.start, problem.end, report);
      }
    },
  };
}
