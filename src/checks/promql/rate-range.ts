import * as z from 'zod';
import { defineCheck } from '../check.js';
import { ScrapeIntervals } from './scrape-intervals.js';
import { formatDuration, parseConfigDuration } from '../../load/duration.js';
import { walk } from '../../promql/walk.js';

/** How many scrape intervals a range must span: `rate` needs two samples even when one scrape fails. */
const MULTIPLIERS: Readonly<Record<string, number>> = { rate: 4, increase: 4, irate: 2 };
/** With Prometheus' default 1m scrape interval, anything shorter is too short for every rate function. */
const UNKNOWN_INTERVAL_MINIMUM_MS = 2 * 60_000;

export default defineCheck({
  id: 'promql/rate-range',
  description: 'Require `rate`, `increase` and `irate` ranges long enough for the scrape interval.',
  severity: 'warning',
  inputs: ['rules', 'scrape'],
  options: z
    .object({
      /** The scrape interval to assume when no Prometheus config of the repository gives one; empty for unknown. */
      scrape_interval: z.string().refine((value) => value === '' || parseConfigDuration(value) !== undefined, {
        message: 'expected a duration such as "30s", or "" when unknown',
      }),
    })
    .strict(),
  create(context) {
    const intervals = new ScrapeIntervals(context.repository);
    const assumed = context.options.scrape_interval === '' ? undefined : parseConfigDuration(context.options.scrape_interval);
    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node) => {
          if (node.type !== 'Call') return;
          const multiplier = MULTIPLIERS[node.func.name];
          const argument = node.args[0];
          if (multiplier === undefined || argument?.type !== 'MatrixSelector' || !Number.isFinite(argument.range)) return;
          const job = argument.vectorSelector.matchers.find((matcher) => matcher.name === 'job' && matcher.op === '=')?.value;
          const fromConfig = intervals.forJob(job);
          const known = fromConfig ?? (assumed === undefined ? undefined : { milliseconds: assumed, source: 'the policy' });
          const range = argument.range;
          const fn = node.func.name;

          if (known !== undefined) {
            const minimum = known.milliseconds * multiplier;
            if (range >= minimum) return;
            context.reportExpression(rule, argument.start, argument.end, {
              message: `\`${fn}\` over \`[${formatDuration(range)}]\` is shorter than ${multiplier} × the ${formatDuration(known.milliseconds)} scrape interval (${known.source}): the window contains too few samples, so the result is missing or jumps whenever one scrape is late or fails.`,
              fix: `Use a range of at least ${formatDuration(minimum)}.`,
              ...(fromConfig === undefined ? {} : { related: [fromConfig.origin] }),
            });
          } else if (range < UNKNOWN_INTERVAL_MINIMUM_MS) {
            context.reportExpression(rule, argument.start, argument.end, {
              message: `\`${fn}\` over \`[${formatDuration(range)}]\` is shorter than 2m, too short for Prometheus' default 1m scrape interval: the window often contains fewer than two samples, so the result is missing.`,
              fix: 'Use a range of at least 4 × the scrape interval, or tell promgate the interval with `scrape_interval` in this check\'s policy options.',
            });
          }
        });
      },
    };
  },
});
