import * as z from 'zod';
import { defineCheck } from '../check.js';
import { envSourceSchema } from './env.js';
import { findEnvEvidence } from './env-evidence.js';
import { findLabelRemoval, inferLabels, labelCertainty } from '../../promql/label-sets.js';
import { hasSelector } from '../../promql/selectors.js';
import type { Expr } from '../../promql/ast.js';

export default defineCheck({
  id: 'labels/env-dropped',
  description: 'Disallow recording rules and alerts whose result loses the `env` label.',
  severity: 'warning',
  inputs: ['rules', 'scrape'],
  options: z
    .object({
      /**
       * Source of the `env` label: `auto` infers it from the configs linted,
       * `external_labels` means only external labels add it (so local
       * series never carry it and the check stays silent), `targets` means
       * every series carries it.
       */
      env_source: envSourceSchema,
    })
    .strict(),
  create(context) {
    const source = context.options.env_source;
    return {
      rule(rule) {
        if (source === 'external_labels') return;
        if (source === 'auto') {
          const evidence = findEnvEvidence(context);
          if (evidence === 'external_labels' || evidence === 'unknown') return;
        }
        if (rule.labels.some((label) => label.name === 'env')) return;
        const { expr } = context.expression(rule);
        // An expression that reads no series, such as `vector(1)`, has no `env` to lose.
        if (expr === undefined || !hasSelector(expr)) return;

        const labels = inferLabels(expr);
        if (labelCertainty(labels, 'env') !== 'never') return;
        const cause: Expr = findLabelRemoval(expr, 'env') ?? expr;
        const what = rule.kind === 'recording' ? `The series recorded as \`${rule.name}\`` : `Alert \`${rule.name}\``;
        context.reportExpression(rule, cause.start, cause.end, {
          message: `${what} has no \`env\` label: ${describeCause(cause)} removes it, so dashboards and alert routing cannot tell environments apart.`,
          fix:
            cause.type === 'Call' && (cause.func.name === 'absent' || cause.func.name === 'absent_over_time')
              ? 'Add `env="..."` to the selector inside `absent(...)`, which copies its equality matchers into the result, or set `env` under the rule\'s `labels`.'
              : 'Keep `env` in the grouping, as in `sum by (job, env) (...)`, or set `env` under the rule\'s `labels`.',
        });
      },
    };
  },
});

function describeCause(cause: Expr): string {
  switch (cause.type) {
    case 'Aggregation':
      if (cause.without) return `\`${cause.op} without (${cause.grouping.join(', ')})\``;
      return cause.hasGrouping ? `\`${cause.op} by (${cause.grouping.join(', ')})\`` : `\`${cause.op}\` without \`by (...)\``;
    case 'Call':
      return `\`${cause.func.name}(...)\``;
    case 'Binary':
      return `the \`${cause.op}\` matching on \`on(${cause.matching?.labels.join(', ') ?? ''})\``;
    default:
      return 'the expression';
  }
}
