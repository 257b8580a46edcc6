import picomatch from 'picomatch';
import { z } from 'zod';
import { defineCheck } from '../check.js';
import { metricNameOf, metricNameRange } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';

type BaseUnit = 'seconds' | 'bytes' | 'ratio';

/** Unit words that are never anything else, wherever they stand in a name. */
const UNIT_WORDS: Readonly<Record<string, BaseUnit>> = {
  millisecond: 'seconds',
  milliseconds: 'seconds',
  microsecond: 'seconds',
  microseconds: 'seconds',
  nanosecond: 'seconds',
  nanoseconds: 'seconds',
  minutes: 'seconds',
  hours: 'seconds',
  days: 'seconds',
  weeks: 'seconds',
  kilobytes: 'bytes',
  megabytes: 'bytes',
  gigabytes: 'bytes',
  terabytes: 'bytes',
  kibibytes: 'bytes',
  mebibytes: 'bytes',
  gibibytes: 'bytes',
  bits: 'bytes',
  kilobits: 'bytes',
  megabits: 'bytes',
  percent: 'ratio',
  percentage: 'ratio',
};

/**
 * Abbreviations that also read as other words (`ns` for namespace, `us` for
 * a region), so they count as units only as the last word of a name (or of
 * one `:`-separated part of a recorded name), before any `_total`, `_count`,
 * `_sum` or `_bucket` suffix.
 */
const UNIT_ABBREVIATIONS: Readonly<Record<string, BaseUnit>> = {
  ms: 'seconds',
  us: 'seconds',
  ns: 'seconds',
  kb: 'bytes',
  mb: 'bytes',
  gb: 'bytes',
  kib: 'bytes',
  mib: 'bytes',
  gib: 'bytes',
  pct: 'ratio',
};

const SUFFIXES = new Set(['total', 'count', 'sum', 'bucket', 'created']);

/** Matches any name that may contain a unit word; most names fail it at once, before being split. */
const MAY_HAVE_UNIT = new RegExp(`(?:^|[_:])(?:${[...Object.keys(UNIT_WORDS), ...Object.keys(UNIT_ABBREVIATIONS)].join('|')})(?:$|[_:])`, 'i');

/** Returns the non-base unit word of a metric name and its base unit, if it has one. */
export function findNonBaseUnit(name: string): { unit: string; base: BaseUnit } | undefined {
  if (!MAY_HAVE_UNIT.test(name)) return undefined;
  for (const part of name.toLowerCase().split(':')) {
    const words = part.split('_');
    let last = words.length - 1;
    while (last > 0 && SUFFIXES.has(words[last]!)) last--;
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      const base = UNIT_WORDS[word] ?? (index === last ? UNIT_ABBREVIATIONS[word] : undefined);
      if (base !== undefined) return { unit: word, base };
    }
  }
  return undefined;
}

const EXAMPLES: Readonly<Record<BaseUnit, string>> = {
  seconds: 'record durations as `_seconds` (divide milliseconds by 1000)',
  bytes: 'record sizes as `_bytes` (multiply kilobytes by 1024, divide bits by 8)',
  ratio: 'record shares as a `_ratio` from 0 to 1 (divide percent by 100)',
};

export default defineCheck({
  id: 'naming/base-units',
  description: 'Require metric names to use base units: seconds, bytes and ratios.',
  severity: 'warning',
  inputs: ['rules'],
  needsPrometheus: false,
  options: z
    .object({
      /** Glob patterns of metric names to accept as they are, such as third-party exporter metrics. */
      exceptions: z.array(z.string()),
    })
    .strict(),
  create(context) {
    const exceptions = context.options.exceptions;
    const isException = exceptions.length > 0 ? picomatch(exceptions) : () => false;
    // Names repeat across rules, so each is split into words once per run.
    const units = new Map<string, ReturnType<typeof findNonBaseUnit>>();
    const unitOf = (name: string) => {
      if (!units.has(name)) units.set(name, findNonBaseUnit(name));
      return units.get(name);
    };
    const describe = (name: string, unit: string, base: BaseUnit) => ({
      message: `Metric \`${name}\` uses the unit \`${unit}\`; Prometheus metrics use base units, here \`${base}\`.`,
      fix: `Rename it with \`${base}\` in place of \`${unit}\` and convert the values: ${EXAMPLES[base]}.`,
    });

    return {
      rule(rule) {
        if (rule.kind === 'recording' && !isException(rule.name)) {
          const found = unitOf(rule.name);
          if (found !== undefined) context.reportNode(rule, rule.nameNode, describe(rule.name, found.unit, found.base));
        }

        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        const reported = new Set<string>();
        walk(expr, (node) => {
          if (node.type !== 'VectorSelector') return;
          const name = metricNameOf(node);
          if (name === undefined || reported.has(name) || isException(name)) return;
          const found = unitOf(name);
          if (found === undefined) return;
          reported.add(name);
          const [start, end] = metricNameRange(node);
          context.reportExpression(rule, start, end, describe(name, found.unit, found.base));
        });
      },
    };
  },
});
