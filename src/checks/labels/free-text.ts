import * as z from 'zod';
import { defineCheck } from '../check.js';
import { describeSite, reportDeniedLabels } from './label-sites.js';

export default defineCheck({
  id: 'labels/free-text',
  description: 'Disallow labels that carry free text, log lines or events.',
  severity: 'warning',
  inputs: ['rules', 'scrape'],
  options: z
    .object({
      /** Label names that hold free text, matched against whole label names. */
      denied_labels: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    return reportDeniedLabels(context, context.options.denied_labels, (site) => ({
      message: `${describeSite(site)}, which contains free text. Prometheus is not a log store, and each distinct text becomes a new series.`,
      fix: `Drop \`${site.name}\`; send the text to your logs or traces, and count events with a counter labelled by a small, fixed set of values (such as \`reason\`).`,
    }));
  },
});
