// Prometheus durations such as `1h30m`, in milliseconds.
//
// The rules follow `model.ParseDuration` of prometheus/common: integer
// counts with the units y, w, d, h, m, s and ms, each unit at most once and
// ordered from the largest to the smallest, where a day is 24h, a week 7d and
// a year 365d. A bare `0` is also accepted.

const UNIT_MS: Readonly<Record<string, number>> = {
  y: 365 * 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  h: 60 * 60 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

const UNIT_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;

/**
 * Largest duration Prometheus can represent: Go's time.Duration is an int64
 * count of nanoseconds, about 292 years.
 */
export const MAX_DURATION_MS = 9_223_372_036_854.775;

export type DurationParseResult = { ok: true; ms: number } | { ok: false; error: string };

/** Parses a duration such as `5m` or `1h30m` into milliseconds, or returns an error sentence. */
export function parseDuration(text: string): DurationParseResult {
  if (text === '0') {
    return { ok: true, ms: 0 };
  }
  if (text === '') {
    return { ok: false, error: 'The duration is empty; write one such as `5m`.' };
  }
  const invalid = (): DurationParseResult => ({
    ok: false,
    error: `\`${text}\` is not a valid duration; write whole numbers with the units y, w, d, h, m, s or ms from the largest to the smallest, each unit once, as in \`1h30m\`.`,
  });
  if (text.includes('.')) {
    return {
      ok: false,
      error: `\`${text}\` is not a valid duration because durations take whole numbers per unit; write \`90m\` or \`1h30m\` instead of \`1.5h\`.`,
    };
  }
  let ms = 0;
  let lastUnitIndex = -1;
  let pos = 0;
  while (pos < text.length) {
    const digitsStart = pos;
    while (pos < text.length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) {
      pos++;
    }
    if (pos === digitsStart) {
      return invalid();
    }
    const count = Number(text.slice(digitsStart, pos));
    const unitStart = pos;
    while (pos < text.length && !(text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57)) {
      pos++;
    }
    const unit = text.slice(unitStart, pos);
    const unitIndex = (UNIT_ORDER as readonly string[]).indexOf(unit);
    const unitMs = UNIT_MS[unit];
    if (unit === '') {
      return invalid();
    }
    if (unitMs === undefined || unitIndex < 0) {
      return {
        ok: false,
        error: `Unknown unit \`${unit}\` in the duration \`${text}\`; valid units are y, w, d, h, m, s and ms.`,
      };
    }
    if (unitIndex <= lastUnitIndex) {
      return invalid();
    }
    lastUnitIndex = unitIndex;
    ms += count * unitMs;
    if (ms > MAX_DURATION_MS) {
      return { ok: false, error: `The duration \`${text}\` is out of range; Prometheus durations are limited to about 292 years.` };
    }
  }
  return { ok: true, ms };
}

/**
 * Formats milliseconds like Prometheus does (`90m` becomes `1h30m`, `0` becomes
 * `0s`). Years and weeks are used only when they divide the duration exactly,
 * so 90 days stay `90d`. Fractions of a millisecond are dropped.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return String(ms);
  }
  let rest = Math.trunc(Math.abs(ms));
  if (rest === 0) {
    return '0s';
  }
  let out = ms < 0 ? '-' : '';
  for (const unit of UNIT_ORDER) {
    const unitMs = UNIT_MS[unit] ?? 1;
    const exactOnly = unit === 'y' || unit === 'w';
    if (exactOnly && rest % unitMs !== 0) {
      continue;
    }
    const count = Math.floor(rest / unitMs);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * unitMs;
    }
  }
  return out;
}
