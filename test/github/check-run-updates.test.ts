import { describe, expect, test } from 'vitest';
import { planCheckRunUpdates } from '../../src/github/check-run-updates.js';
import type { CheckRunResult } from '../../src/github/check-run-updates.js';
import type { CheckAnnotation } from '../../src/github/to-annotation.js';

const COMPLETED_AT = new Date('2026-12-04T12:00:00Z');

function result(annotationCount: number): CheckRunResult {
  const annotations: CheckAnnotation[] = Array.from({ length: annotationCount }, (_, index) => ({
    path: 'rules/a.yml',
    start_line: index + 1,
    end_line: index + 1,
    annotation_level: 'failure',
    title: 'yaml/schema',
    message: `Problem ${index}.`,
  }));
  return { conclusion: 'failure', title: 'T', summary: 'S', annotations };
}

describe('planCheckRunUpdates', () => {
  test('no annotations completes at once', () => {
    expect(planCheckRunUpdates(result(0), COMPLETED_AT)).toEqual([
      { status: 'completed', conclusion: 'failure', completed_at: '2026-12-04T12:00:00.000Z', output: { title: 'T', summary: 'S' } },
    ]);
  });

  test.each([
    [1, [1]],
    [50, [50]],
    [51, [50, 1]],
    [120, [50, 50, 20]],
  ])('%i annotations go out as %j', (count, sizes) => {
    const updates = planCheckRunUpdates(result(count), COMPLETED_AT);
    expect(updates.map((update) => update.output.annotations?.length)).toEqual(sizes);
    expect(updates.map((update) => update.status)).toEqual([...Array<string>(sizes.length - 1).fill('in_progress'), 'completed']);
    expect(updates.flatMap((update) => update.output.annotations ?? [])).toEqual(result(count).annotations);
  });
});
