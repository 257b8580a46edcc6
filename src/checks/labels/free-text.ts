import * as z from 'zod';
import { defineCheck } from '../check.js';
import { describeSite, jobLabelSites, reportSite, ruleLabelSites } from './label-sites.js';
import type { LabelSite } from './label-sites.js';

export default defineCheck({
  id: 'labels/free-text',
  description: 'Disallow labels that carry free text, log lines or events.',
  severity: 'warning',
  inputs: ['rules', 'scrape'],
  needsPrometheus: false,
  options: z
    .object({
      /** Label names that hold free text, matched against whole label names. */
      denied_labels: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    const denied = new Set(context.options.denied_labels);
    const report = (site: LabelSite): void => {
      if (!denied.has(site.name)) return;
      reportSite(context, site, {
        message: `${describeSite(site)}, which holds free text; Prometheus is not a log store, and each distinct text becomes a new series.`,
        fix: `Drop \`${site.name}\`; send the text to your logs or traces, and count events with a counter labelled by a small, fixed set of values (such as \`reason\`).`,
      });
    };
    return {
      rule(rule) {
        for (const site of ruleLabelSites(context, rule)) report(site);
      },
      scrapeJob(job) {
        for (const site of jobLabelSites(job)) report(site);
      },
    };
  },
});
