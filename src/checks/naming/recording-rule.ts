import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';

const PART = /^[a-z0-9_]+$/;

export default defineCheck({
  id: 'naming/recording-rule',
  description: 'Enforce `level:metric:operations` names for recording rules.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      /** Glob patterns of recorded names that keep an older naming scheme. */
      exceptions: z.array(z.string()),
    })
    .strict(),
  create(context) {
    const exceptions = context.options.exceptions;
    const isException = compileNamePatterns(exceptions);
    return {
      rule(rule) {
        if (rule.kind !== 'recording' || isException(rule.name)) return;
        const parts = rule.name.split(':');
        if (parts.length === 3 && parts.every((part) => PART.test(part))) return;

        let problem: string;
        if (parts.length !== 3) problem = `it has ${parts.length} colon-separated ${parts.length === 1 ? 'part' : 'parts'}, not 3`;
        else if (parts.some((part) => part === '')) problem = 'one of its parts is empty';
        else problem = 'its parts must use lower-case letters, digits and `_` only';
        context.reportNode(rule, rule.nameNode, {
          message: `Recording rule \`${rule.name}\` does not follow \`level:metric:operations\`: ${problem}.`,
          fix: 'Name it after the labels it keeps, the metric and the operations applied, such as `job:http_requests:rate5m` for `sum by (job) (rate(http_requests_total[5m]))`.',
        });
      },
    };
  },
});
