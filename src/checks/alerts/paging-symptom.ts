import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';
import { metricNameOf } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';

export default defineCheck({
  id: 'alerts/paging-symptom',
  description: 'Disallow paging alerts that look only at cause metrics such as CPU, memory or load.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      /** `severity` values that page someone. */
      paging_severities: z.array(z.string().min(1)),
      /** Glob patterns of metrics that describe causes rather than what users see. */
      cause_patterns: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    const paging = new Set(context.options.paging_severities);
    const patterns = context.options.cause_patterns;
    const isCause = compileNamePatterns(patterns);
    return {
      rule(rule) {
        if (rule.kind !== 'alerting') return;
        const severity = rule.labels.find((label) => label.name === 'severity');
        if (severity === undefined || !paging.has(severity.value)) return;
        const { expr } = context.expression(rule);
        if (expr === undefined) return;

        const names: string[] = [];
        let predicts = false;
        walk(expr, (node) => {
          if (node.type === 'Call' && node.func.name === 'predict_linear') predicts = true;
          if (node.type !== 'VectorSelector') return;
          const name = metricNameOf(node);
          if (name !== undefined) names.push(name);
        });
        // A prediction that a resource will run out is about to hurt users, so it may page.
        if (predicts || names.length === 0 || !names.every((name) => isCause(name))) return;

        const metrics = [...new Set(names)].map((name) => `\`${name}\``).join(', ');
        context.reportNode(rule, severity.valueNode, {
          message: `Alert \`${rule.name}\` pages (\`severity: ${severity.value}\`) on cause metrics only (${metrics}): busy CPUs or full memory do not always hurt users, so it wakes people for nothing, while real outages page twice.`,
          fix: 'Page on symptoms users feel (error ratio, latency, SLO burn rate, targets down) and lower this alert to `warning`; `predict_linear` of a resource running out may stay critical.',
        });
      },
    };
  },
});
