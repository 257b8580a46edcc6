import * as z from 'zod';
import { defineCheck } from '../check.js';
import { closestKey } from '../../load/schema-problems.js';
import { CONTROL_SYNTAX, FILE_CONTROL_SYNTAX } from '../../load/control-comments.js';

export default defineCheck({
  id: 'promgate/comment',
  description: 'Report `# promgate` control comments that are malformed, name unknown checks or are attached to nothing.',
  severity: 'warning',
  inputs: ['yaml'],
  options: z
    .object({
      /** Whether every `disable` and `file/disable` comment must give a reason after `--`. */
      require_reason: z.boolean(),
    })
    .strict(),
  create(context) {
    const known = [...context.checkIds];
    return {
      file(file) {
        for (const problem of file.controls.problems) {
          context.reportRange(file, problem.start, problem.end, { message: problem.message, fix: problem.fix });
        }
        for (const comment of file.controls.comments) {
          for (const check of comment.checks) {
            if (context.checkIds.has(check.id)) continue;
            const suggestion = closestKey(check.id, known);
            context.reportRange(file, check.start, check.end, {
              message: `\`${check.id}\` in a promgate comment is not a promgate check, so the comment switches nothing off.`,
              fix: suggestion === undefined ? 'Use an id listed in `rules/default.yml` or `docs/checks/`.' : `Did you mean \`${suggestion}\`?`,
            });
          }
          if (context.options.require_reason && comment.reason === undefined) {
            context.reportRange(file, comment.start, comment.end, {
              message: `This \`promgate ${comment.kind}\` comment gives no reason, and the policy requires one.`,
              fix: `Add the reason after \`--\`: ${comment.kind === 'disable' ? CONTROL_SYNTAX : FILE_CONTROL_SYNTAX}.`,
            });
          }
        }
      },
    };
  },
});
