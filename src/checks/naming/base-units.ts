import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';
import { metricNameOf, metricNameRange } from '../../promql/selectors.js';
import { walk } from '../../promql/walk.js';

type BaseUnit = 'seconds' | 'bytes' | 'ratio';

/** Unit words that are never anything else, wherever they appear in a name. */
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
 * Abbreviations that also read as other words, such as `ns` for namespace
 * and `us` for a region. They count as units only as the last word of a name,
 * or of one `:`-separated part of a recorded name, before any `_total`,
 * `_count`, `_sum`, `_bucket` or `_created` suffix.
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

/** Returns the non-base unit word of a metric name and its base unit, if it has one. */
export function findNonBaseUnit(name: string): { unit: string; base: BaseUnit } | undefined {
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

/** How to convert a value in each non-base unit to its base unit. */
const CONVERSIONS: Readonly<Record<string, string>> = {
  millisecond: 'divide by 1000',
  milliseconds: 'divide by 1000',
  ms: 'divide by 1000',
  microsecond: 'divide by 1e6',
  microseconds: 'divide by 1e6',
  us: 'divide by 1e6',
  nanosecond: 'divide by 1e9',
  nanoseconds: 'divide by 1e9',
  ns: 'divide by 1e9',
  minutes: 'multiply by 60',
  hours: 'multiply by 3600',
  days: 'multiply by 86400',
  weeks: 'multiply by 604800',
  kilobytes: 'multiply by 1024',
  kibibytes: 'multiply by 1024',
  kb: 'multiply by 1024',
  kib: 'multiply by 1024',
  megabytes: 'multiply by 1048576',
  mebibytes: 'multiply by 1048576',
  mb: 'multiply by 1048576',
  mib: 'multiply by 1048576',
  gigabytes: 'multiply by 1073741824',
  gibibytes: 'multiply by 1073741824',
  gb: 'multiply by 1073741824',
  gib: 'multiply by 1073741824',
  terabytes: 'multiply by 1099511627776',
  bits: 'divide by 8',
  kilobits: 'multiply by 128',
  megabits: 'multiply by 131072',
  percent: 'divide by 100',
  percentage: 'divide by 100',
  pct: 'divide by 100',
};

export default defineCheck({
  id: 'naming/base-units',
  description: 'Require metric names to use base units: seconds, bytes and ratios.',
  severity: 'warning',
  inputs: ['rules'],
  options: z
    .object({
      /** Glob patterns of metric names to accept as they are, such as third-party exporter metrics. */
      exceptions: z.array(z.string()),
    })
    .strict(),
  create(context) {
    const exceptions = context.options.exceptions;
    const isException = compileNamePatterns(exceptions);
    // Names repeat across rules, so each is split into words once per run.
    const units = new Map<string, ReturnType<typeof findNonBaseUnit>>();
    const unitOf = (name: string) => {
      if (!units.has(name)) units.set(name, findNonBaseUnit(name));
      return units.get(name);
    };
    const describe = (name: string, unit: string, base: BaseUnit) => ({
      message: `Metric \`${name}\` uses the unit \`${unit}\`; Prometheus metrics use base units, here \`${base}\`.`,
      fix: `Rename it with \`${base}\` in place of \`${unit}\` and convert the values where they are produced: ${CONVERSIONS[unit] ?? 'convert them'}${base === 'ratio' ? ', for a ratio from 0 to 1' : ''}.`,
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
