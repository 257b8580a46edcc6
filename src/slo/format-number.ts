/**
 * Rounds to 12 significant digits, which removes binary floating-point noise
 * such as `1 - 0.999 = 0.0010000000000000009` while keeping every digit an
 * objective is written with.
 */
export function roundNumber(value: number): number {
  return Number(value.toPrecision(12));
}

/** Formats a number for PromQL and YAML: rounded, shortest form, such as `0.001` or `14.4`. */
export function formatNumber(value: number): string {
  return String(roundNumber(value));
}
