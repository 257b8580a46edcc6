import { z } from 'zod';
import { defineCheck } from '../check.js';

export default defineCheck({
  id: 'promql/syntax',
  description: 'Disallow PromQL expressions that Prometheus rejects for their syntax or types.',
  severity: 'error',
  inputs: ['rules'],
  needsPrometheus: false,
  options: z.object({}).strict(),
  create(context) {
    return {
      rule(rule) {
        const parsed = context.expression(rule);
        for (const error of parsed.errors) {
          context.reportExpression(rule, error.start, error.end, {
            message: `Invalid PromQL in \`${rule.name}\`: ${error.message}`,
            fix: 'Fix the expression; Prometheus refuses to load the whole rule file while it is invalid.',
          });
        }
        for (const note of parsed.notes) {
          if (note.kind !== 'removed-function') continue;
          context.reportExpression(rule, note.start, note.end, {
            message: note.message,
            fix: 'Replace the function before upgrading to Prometheus 3.',
            severity: 'warning',
          });
        }
      },
    };
  },
});
