const UNIT_MILLISECONDS: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;

/** The maximum duration Prometheus stores: a signed 64-bit count of nanoseconds, about 292 years. */
export const MAX_CONFIG_DURATION_MS = 9_223_372_036_854;

/**
 * Parses a duration the way Prometheus' configuration does (`1h30m`, `90s`,
 * `0`): units from years down to milliseconds, each at most once, largest
 * first. Returns milliseconds, or undefined for text Prometheus rejects,
 * including durations longer than about 292 years.
 */
export function parseConfigDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  let total = 0;
  for (let index = 0; index < UNITS.length; index++) {
    const amount = match[index + 1];
    if (amount !== undefined) total += Number(amount) * UNIT_MILLISECONDS[UNITS[index]!]!;
  }
  return total > MAX_CONFIG_DURATION_MS ? undefined : total;
}

/** Formats milliseconds as the shortest Prometheus duration, such as `1h30m`. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds === 0) return '0s';
  let rest = milliseconds;
  let text = '';
  for (const unit of UNITS) {
    const size = UNIT_MILLISECONDS[unit]!;
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
