import * as z from 'zod';
import { defineCheck } from '../check.js';
import { formatDuration, parseConfigDuration } from '../../load/duration.js';
import { asScalar, getValue } from '../../load/yaml-access.js';
import type { Subject } from '../check.js';
import type { YamlMap } from '../../load/yaml-tree.js';

/** Prometheus' default lookback delta: an instant query ignores samples older than this. */
const LOOKBACK_MS = 5 * 60_000;

export default defineCheck({
  id: 'scrape/intervals',
  description: 'Disallow scrape intervals so long that series go stale between scrapes.',
  severity: 'warning',
  inputs: ['scrape'],
  options: z.object({}).strict(),
  create(context) {
    const checkInterval = (subject: Subject, map: YamlMap | undefined, where: string): void => {
      const node = asScalar(getValue(map, 'scrape_interval'));
      const milliseconds = node === undefined ? undefined : parseConfigDuration(node.value);
      if (node === undefined || milliseconds === undefined || milliseconds < LOOKBACK_MS) return;
      context.reportNode(subject, node, {
        message: `${where} has \`scrape_interval: ${node.value}\`; at ${formatDuration(LOOKBACK_MS)} or more, queries find no sample between scrapes because Prometheus looks back only ${formatDuration(LOOKBACK_MS)}, so the series goes stale and gaps appear.`,
        fix: 'Scrape more often than every 5m, typically every 15s to 1m; for data that changes rarely, keep a short interval anyway, since repeated samples compress well.',
      });
    };
    return {
      scrapeDocument(document) {
        checkInterval(document, document.global, 'The `global` section');
      },
      scrapeJob(job) {
        checkInterval(job, job.node, `Scrape job \`${job.name}\``);
      },
    };
  },
});
