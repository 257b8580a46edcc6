import * as z from 'zod';
import { defineCheck } from '../check.js';
import { isHonorLabels, staticConfigs } from '../../load/scrape-fields.js';
import type { ScrapeJob } from '../../load/model.js';

/** Pushgateway's default port. */
const PUSHGATEWAY_PORT = ':9091';

export default defineCheck({
  id: 'scrape/pushgateway',
  description: 'Require `honor_labels: true` on jobs that scrape a Pushgateway.',
  severity: 'warning',
  inputs: ['scrape'],
  options: z.object({}).strict(),
  create(context) {
    return {
      scrapeJob(job) {
        if (isHonorLabels(job) || !scrapesPushgateway(job)) return;
        context.reportNode(job, job.nameNode ?? job.node, {
          message: `Scrape job \`${job.name}\` scrapes a Pushgateway without \`honor_labels: true\`, so the \`job\` and \`instance\` labels the pushers set are renamed to \`exported_job\` and \`exported_instance\`, and every pushed series looks like the Pushgateway's own.`,
          fix: 'Add `honor_labels: true` to the job.',
        });
      },
    };
  },
});

export function scrapesPushgateway(job: ScrapeJob): boolean {
  if (/pushgateway/i.test(job.name)) return true;
  return staticConfigs(job).some((group) => group.targets.some((target) => target.value.endsWith(PUSHGATEWAY_PORT) || /pushgateway/i.test(target.value)));
}
