import * as z from 'zod';
import { defineCheck } from '../check.js';

export default defineCheck({
  id: 'alerts/labels',
  description: 'Require a `severity` label with an allowed value on every alert.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      allowed_severities: z.array(z.string().min(1)).min(1),
    })
    .strict(),
  create(context) {
    const allowed = context.options.allowed_severities;
    const listed = allowed.map((value) => `\`${value}\``).join(', ');
    return {
      rule(rule) {
        if (rule.kind !== 'alerting') return;
        const severity = rule.labels.find((label) => label.name === 'severity');
        if (severity === undefined) {
          context.reportNode(rule, rule.nameNode, {
            message: `Alert \`${rule.name}\` has no \`severity\` label, so Alertmanager cannot route it by urgency.`,
            fix: `Add \`severity\` under \`labels\` with one of ${listed}.`,
          });
          return;
        }
        // A templated value is only known when the alert fires.
        if (severity.value.includes('{{')) return;
        if (allowed.includes(severity.value)) return;
        context.reportNode(rule, severity.valueNode, {
          message: `Alert \`${rule.name}\` has \`severity: ${severity.value}\`, which is not one of ${listed}.`,
          fix: `Use one of ${listed}, or add \`${severity.value}\` to \`allowed_severities\` in the policy.`,
        });
      },
    };
  },
});
