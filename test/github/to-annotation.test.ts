import { describe, expect, test } from 'vitest';
import { toAnnotation } from '../../src/github/to-annotation.js';
import type { Finding } from '../../src/finding.js';

const BASE: Finding = { check: 'yaml/schema', severity: 'error', file: 'rules/api.yml', line: 6, column: 9, endLine: 6, endColumn: 12, message: '`for` is not allowed.' };

describe('toAnnotation', () => {
  test('single line with columns', () => {
    expect(toAnnotation({ ...BASE, fix: 'Remove `for`.' })).toEqual({
      path: 'rules/api.yml',
      start_line: 6,
      end_line: 6,
      start_column: 9,
      end_column: 11,
      annotation_level: 'failure',
      title: 'yaml/schema',
      message: '`for` is not allowed.\n\nFix: Remove `for`.',
    });
  });

  test('several lines drop columns', () => {
    const annotation = toAnnotation({ ...BASE, endLine: 8, endColumn: 3 });
    expect(annotation).toMatchObject({ start_line: 6, end_line: 8 });
    expect(annotation).not.toHaveProperty('start_column');
    expect(annotation).not.toHaveProperty('end_column');
  });

  test('empty range keeps one column', () => {
    expect(toAnnotation({ ...BASE, column: 1, endColumn: 1 })).toMatchObject({ start_column: 1, end_column: 1 });
  });

  test.each([
    ['error', 'failure'],
    ['warning', 'warning'],
    ['info', 'notice'],
  ] as const)('%s is %s', (severity, level) => {
    expect(toAnnotation({ ...BASE, severity })?.annotation_level).toBe(level);
  });

  test('finding without file has none', () => {
    expect(toAnnotation({ check: 'slo/coverage', severity: 'warning', message: 'No SLO.' })).toBeUndefined();
  });

  test('finding without line goes on line 1', () => {
    expect(toAnnotation({ check: 'yaml/empty', severity: 'info', file: 'rules/a.yml', message: 'Empty.' })).toEqual({
      path: 'rules/a.yml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'notice',
      title: 'yaml/empty',
      message: 'Empty.',
    });
  });

  test('huge message is cut below 64 KB', () => {
    const message = 'é'.repeat(40_000);
    const annotation = toAnnotation({ ...BASE, message });
    expect(Buffer.byteLength(annotation!.message)).toBeLessThanOrEqual(60_000);
    expect(annotation!.message.endsWith('é…')).toBe(true);
  });
});
