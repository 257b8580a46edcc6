import * as z from 'zod';
import { defineCheck } from '../check.js';

const ABSOLUTE_URL = /^https?:\/\/[^\s/]+/;

export default defineCheck({
  id: 'alerts/annotations',
  description: 'Require the annotations responders need, and an absolute `runbook_url`.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      required: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    const required = context.options.required;
    return {
      rule(rule) {
        if (rule.kind !== 'alerting') return;
        const present = new Set(rule.annotations.filter((annotation) => annotation.value.trim() !== '').map((annotation) => annotation.name));
        const missing = required.filter((name) => !present.has(name));
        if (missing.length > 0) {
          const names = missing.map((name) => `\`${name}\``).join(', ');
          context.reportNode(rule, rule.nameNode, {
            message: `Alert \`${rule.name}\` has no ${names} ${missing.length === 1 ? 'annotation' : 'annotations'}, or ${missing.length === 1 ? 'it is' : 'they are'} empty.`,
            fix: `Add ${names} under \`annotations\`: responders read them in the notification before they open a dashboard.`,
          });
        }

        const runbook = rule.annotations.find((annotation) => annotation.name === 'runbook_url');
        if (runbook === undefined || runbook.value.trim() === '') return;
        // A URL that starts with a template, such as `{{ $externalURL }}/runbook`, is only known when the alert fires.
        if (runbook.value.trimStart().startsWith('{{')) return;
        if (ABSOLUTE_URL.test(runbook.value.trim())) return;
        context.reportNode(rule, runbook.valueNode, {
          message: `The \`runbook_url\` of alert \`${rule.name}\` is \`${runbook.value}\`, not an absolute http(s) URL, so it is not a link in notifications.`,
          fix: 'Write the full address, such as `https://runbooks.example.com/alerts/HighErrorRate`.',
        });
      },
    };
  },
});
