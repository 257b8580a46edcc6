import * as z from 'zod';
import { defineCheck } from '../check.js';
import { formatDuration } from '../../load/duration.js';

/** Prometheus' default lookback delta. Rule output evaluated less often than this goes stale. */
const LOOKBACK_MS = 5 * 60_000;

export default defineCheck({
  id: 'rules/group',
  description: 'Disallow empty rule groups and group intervals that let recorded series go stale.',
  severity: 'warning',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      group(group) {
        const name = group.name === '' ? 'A rule group' : `Rule group \`${group.name}\``;
        if (group.rules.length === 0 && (group.rulesNode === undefined || group.rulesNode.items.length === 0)) {
          context.reportNode(group, group.nameNode ?? group.node, {
            message: `${name} has no rules.`,
            fix: 'Add rules to the group, or remove it.',
          });
        }
        const interval = group.interval;
        if (interval?.milliseconds !== undefined && interval.milliseconds >= LOOKBACK_MS) {
          context.reportNode(group, interval.node, {
            message: `${name} is evaluated every ${interval.text}; at ${formatDuration(LOOKBACK_MS)} or more, its recorded series and alert states go stale between evaluations because queries look back only ${formatDuration(LOOKBACK_MS)}.`,
            fix: 'Evaluate the group more often than every 5m, typically every 30s to 1m; give expensive queries their own group rather than slowing every rule down.',
          });
        }
      },
    };
  },
});
