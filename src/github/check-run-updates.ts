import type { CheckAnnotation } from './to-annotation.js';

export const CHECK_RUN_NAME = 'promgate';

/** The checks API accepts at most 50 annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** The checks API rejects a `summary` longer than 65,535 characters. */
export const SUMMARY_MAX_LENGTH = 65_535;

export type CheckRunConclusion = 'success' | 'failure' | 'neutral';

/** The finished state of a check run: its conclusion, title, markdown summary and every annotation. */
export interface CheckRunResult {
  conclusion: CheckRunConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

/** The body of one `PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}` request. */
export type CheckRunUpdate =
  | { status: 'in_progress'; output: CheckRunOutput }
  | { status: 'completed'; conclusion: CheckRunConclusion; completed_at: string; output: CheckRunOutput };

/**
 * Splits a result into the update requests that publish it. Every update
 * appends its annotations to the run, so all batches but the last go out while
 * the run is still in progress and the last one completes it. A consumer of
 * the completed run, such as branch protection, then receives every annotation.
 * Each update repeats the title and summary because the API requires them
 * whenever `output` is sent.
 */
export function planCheckRunUpdates(result: CheckRunResult, completedAt: Date): CheckRunUpdate[] {
  const batches: CheckAnnotation[][] = [];
  for (let start = 0; start < result.annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    batches.push(result.annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  }

  const output = (annotations: CheckAnnotation[] | undefined): CheckRunOutput =>
    annotations === undefined ? { title: result.title, summary: result.summary } : { title: result.title, summary: result.summary, annotations };
  const last = batches.pop();
  const updates: CheckRunUpdate[] = batches.map((batch) => ({ status: 'in_progress', output: output(batch) }));
  updates.push({ status: 'completed', conclusion: result.conclusion, completed_at: completedAt.toISOString(), output: output(last) });
  return updates;
}
