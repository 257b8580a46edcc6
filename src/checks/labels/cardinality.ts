import * as z from 'zod';
import { defineCheck } from '../check.js';
import { describeSite, reportDeniedLabels } from './label-sites.js';

/** `{{ $value }}`, `{{ humanize $value }}` and other template actions that read the alert's value. */
const VALUE_TEMPLATE = /\{\{[^}]*\$value\b/;

export default defineCheck({
  id: 'labels/cardinality',
  description: 'Disallow high-cardinality labels and label values that change at every evaluation.',
  severity: 'warning',
  inputs: ['rules', 'scrape'],
  options: z
    .object({
      /** Label names whose values are unbounded, matched against whole label names. */
      denied_labels: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    const denied = new Set(context.options.denied_labels);
    const hooks = reportDeniedLabels(context, context.options.denied_labels, (site) => ({
      message: `${describeSite(site)}, which has a value per user, request or object, so every value creates a new series and the series count grows without bound.`,
      fix: `Drop \`${site.name}\`; keep such identifiers in logs or traces, and aggregate them away in metrics.`,
    }));

    return {
      ...hooks,
      rule(rule) {
        hooks.rule?.(rule);
        for (const label of rule.labels) {
          if (denied.has(label.name) || !VALUE_TEMPLATE.test(label.value)) continue;
          context.reportNode(rule, label.valueNode, {
            message: `The label \`${label.name}\` of \`${rule.name}\` uses \`$value\`, which changes at every evaluation, so each change starts a new alert and resolves the old one.`,
            fix: 'Move the value into an annotation, such as `description: "{{ $value | humanize }} errors per second"`.',
          });
        }
      },
    };
  },
});
