import * as z from 'zod';
import { defineCheck } from '../check.js';
import { hasSelector } from '../../promql/selectors.js';

export default defineCheck({
  id: 'alerts/for',
  description: 'Require a `for` duration on alerts, so one bad evaluation does not page.',
  severity: 'warning',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      rule(rule) {
        if (rule.kind !== 'alerting') return;
        // A dead man's switch such as `vector(1)` reads no series and is meant to fire at once, always.
        const { expr } = context.expression(rule);
        if (expr !== undefined && !hasSelector(expr)) return;

        if (rule.for === undefined) {
          context.reportNode(rule, rule.nameNode, {
            message: `Alert \`${rule.name}\` has no \`for\`, so it fires on a single evaluation, and one scrape failure or spike pages someone.`,
            fix: 'Add `for:` with how long the condition must hold, such as `for: 5m`.',
          });
        } else if (rule.for.milliseconds === 0) {
          context.reportNode(rule, rule.for.node, {
            message: `Alert \`${rule.name}\` has \`for: ${rule.for.text}\`, so it fires on a single evaluation.`,
            fix: 'Keep it if firing at once is intended; otherwise set how long the condition must hold, such as `for: 5m`.',
            severity: 'info',
          });
        }
      },
    };
  },
});
