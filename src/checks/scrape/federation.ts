import * as z from 'zod';
import { defineCheck } from '../check.js';
import { asMap, asScalar, asSeq, getText, getValue } from '../../load/yaml-access.js';
import { isHonorLabels } from '../../load/scrape-fields.js';
import { parsePromql } from '../../promql/parse.js';
import type { VectorSelector } from '../../promql/ast.js';

export default defineCheck({
  id: 'scrape/federation',
  description: 'Require federation jobs to keep source labels and to pull aggregated recording-rule series.',
  severity: 'warning',
  inputs: ['scrape'],
  options: z.object({}).strict(),
  create(context) {
    return {
      scrapeJob(job) {
        if (getText(job.node, 'metrics_path') !== '/federate') return;
        if (!isHonorLabels(job)) {
          context.reportNode(job, job.nameNode ?? job.node, {
            message: `Federation job \`${job.name}\` has no \`honor_labels: true\`, so the \`job\` and \`instance\` labels of federated series are renamed to \`exported_job\` and \`exported_instance\`.`,
            fix: 'Add `honor_labels: true` to the job.',
          });
        }

        const matches = asSeq(getValue(asMap(getValue(job.node, 'params')), 'match[]'));
        for (const item of matches?.items ?? []) {
          const node = asScalar(item);
          if (node === undefined) continue;
          const { expr } = parsePromql(node.value);
          if (expr?.type !== 'VectorSelector' || selectsRecordedSeries(expr)) continue;
          context.reportNode(job, node, {
            message: `Federation job \`${job.name}\` pulls \`${node.value}\`, which selects raw series rather than aggregated recording-rule series (names with \`:\`), so the global Prometheus copies every series of the source.`,
            fix: 'Record the aggregates you need on the source Prometheus (`job:http_requests:rate5m`) and federate those, such as `match[]: [\'{__name__=~"job:.*"}\']`.',
          });
        }
      },
    };
  },
});

/** Returns whether a selector can only match recorded series, whose names contain `:`. */
function selectsRecordedSeries(selector: VectorSelector): boolean {
  if (selector.metricName !== undefined) return selector.metricName.includes(':');
  return selector.matchers.some((matcher) => matcher.name === '__name__' && (matcher.op === '=' || matcher.op === '=~') && matcher.value.includes(':'));
}
