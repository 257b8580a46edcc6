import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '../../src/promql/index.js';

describe('parseDuration', () => {
  const valid: Array<[string, number]> = [
    ['0', 0],
    ['0s', 0],
    ['5ms', 5],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['1y2w3d4h5m6s7ms', 31_536_000_000 + 1_209_600_000 + 259_200_000 + 14_400_000 + 300_000 + 6_000 + 7],
    ['90d', 7_776_000_000],
  ];
  it.each(valid)('parses %s', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  const invalid: Array<[string, string]> = [
    ['', 'empty'],
    ['5', 'is not a valid duration'],
    ['m', 'is not a valid duration'],
    ['30m1h', 'from the largest to the smallest'],
    ['1h1h', 'each unit once'],
    ['1hs', 'Unknown unit `hs`'],
    ['5M', 'Unknown unit `M`'],
    ['1.5h', 'whole numbers'],
    ['300y', 'out of range'],
  ];
  it.each(invalid)('rejects %j', (text, fragment) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(fragment);
  });

  it('accepts the largest representable duration', () => {
    expect(parseDuration('292y').ok).toBe(true);
    expect(parseDuration('293y').ok).toBe(false);
    expect(MAX_DURATION_MS).toBeGreaterThan(292 * 365 * 86_400_000);
  });
});

describe('formatDuration', () => {
  const cases: Array<[number, string]> = [
    [0, '0s'],
    [5, '5ms'],
    [1_500, '1s500ms'],
    [300_000, '5m'],
    [5_400_000, '1h30m'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [7_776_000_000, '90d'],
    [31_536_000_000, '1y'],
    [-300_000, '-5m'],
  ];
  it.each(cases)('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const text of ['1h30m', '90d', '1y', '2w', '1d2h3m4s5ms']) {
      const parsed = parseDuration(text);
      expect(parsed.ok && formatDuration(parsed.ms)).toBe(text);
    }
  });
});
