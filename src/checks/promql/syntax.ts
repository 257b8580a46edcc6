import * as z from 'zod';
import { defineCheck } from '../check.js';
import { FEATURE_FLAGS } from '../../promql/build-context.js';

export default defineCheck({
  id: 'promql/syntax',
  description: 'Disallow PromQL expressions that Prometheus rejects for their syntax or types.',
  severity: 'error',
  inputs: ['rules'],
  options: z
    .object({
      /** Prometheus feature flags the evaluating Prometheus enables, such as `promql-experimental-functions`. */
      enabled_features: z.array(z.enum(FEATURE_FLAGS)),
    })
    .strict(),
  create(context) {
    const enabled = new Set<string>(context.options.enabled_features);
    return {
      rule(rule) {
        const parsed = context.expression(rule);
        for (const error of parsed.errors) {
          if (error.kind === 'limit') {
            context.reportExpression(rule, error.start, error.end, { message: `\`${rule.name}\` was not checked: ${lowerFirst(error.message)}`, severity: 'warning' });
            continue;
          }
          context.reportExpression(rule, error.start, error.end, {
            message: `Invalid PromQL in \`${rule.name}\`: ${error.message}`,
            fix: 'Fix the expression, because Prometheus rejects the whole rule file while it is invalid.',
          });
        }
        for (const note of parsed.notes) {
          if (note.kind === 'experimental' && !enabled.has(note.feature)) {
            context.reportExpression(rule, note.start, note.end, {
              message: `Invalid PromQL in \`${rule.name}\`: ${note.message.replace(/\.$/, '')}, which this repository's policy does not enable, so a Prometheus without the flag rejects the rule file.`,
              fix: `Remove it, or add \`${note.feature}\` to \`enabled_features\` of \`promql/syntax\` in the policy if your Prometheus runs with that flag.`,
            });
            continue;
          }
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
