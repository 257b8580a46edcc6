import { CHECK_RUN_NAME, planCheckRunUpdates, SUMMARY_MAX_LENGTH } from './check-run-updates.js';
import { httpStatus } from './pull-request-reader.js';
import { repositoryOf } from './pull-request-target.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { CheckRunResult, CheckRunUpdate } from './check-run-updates.js';
import type { PullRequestTarget } from './pull-request-target.js';
import type { CheckAnnotation } from './to-annotation.js';

const IN_PROGRESS_OUTPUT = {
  title: 'Linting monitoring configuration',
  summary: 'promgate is reading the monitoring configuration of this pull request.',
};

/**
 * The `promgate` check run of one head commit. A commit keeps one run:
 * a later review of the same commit (a redelivery, a re-run, another event)
 * reuses it. GitHub appends annotations on every update and never removes
 * them, so a reused run gets only the annotations it does not have yet.
 */
export class CheckRunPublisher {
  private constructor(
    private readonly octokit: ProbotOctokit,
    private readonly target: PullRequestTarget,
    readonly checkRunId: number,
    /** Keys of the annotations the run already has, with their counts. */
    private readonly existing: Map<string, number>,
    private readonly log: Logger,
  ) {}

  /**
   * Finds promgate's run on the head commit, or creates one, and marks it in
   * progress. An error while looking for a run is logged and leads to a new
   * run. Errors creating or updating the run are thrown, because nothing
   * could then report the result.
   */
  static async start(octokit: ProbotOctokit, target: PullRequestTarget, appId: number | undefined, log: Logger): Promise<CheckRunPublisher> {
    const found = await findExistingRun(octokit, target, appId, log);
    if (found === undefined) {
      const { data } = await octokit.rest.checks.create({
        ...repositoryOf(target),
        name: CHECK_RUN_NAME,
        head_sha: target.headSha,
        status: 'in_progress',
        output: IN_PROGRESS_OUTPUT,
      });
      return new CheckRunPublisher(octokit, target, data.id, new Map(), log);
    }

    const existing = found.annotationsCount > 0 ? await listAnnotationKeys(octokit, target, found.id, log) : new Map<string, number>();
    await octokit.rest.checks.update({ ...repositoryOf(target), check_run_id: found.id, status: 'in_progress', output: IN_PROGRESS_OUTPUT });
    log.info({ checkRunId: found.id, existingAnnotations: found.annotationsCount }, 'Reusing the promgate check run of this commit');
    return new CheckRunPublisher(octokit, target, found.id, existing, log);
  }

  /**
   * Publishes the result and completes the run. An update GitHub rejects
   * with 422 because of its annotations is sent again without them, so the
   * run still completes. The summary lists every finding and counts the
   * missing annotations in a note.
   */
  async complete(result: CheckRunResult, completedAt: Date): Promise<void> {
    const remaining = new Map(this.existing);
    const fresh: CheckAnnotation[] = [];
    for (const annotation of result.annotations) {
      const key = annotationKey(annotation);
      const count = remaining.get(key) ?? 0;
      if (count > 0) remaining.set(key, count - 1);
      else fresh.push(annotation);
    }
    const stale = [...remaining.values()].reduce((total, count) => total + count, 0);

    let summary = result.summary;
    if (stale > 0) {
      summary = withNote(summary, `${stale} annotations from an earlier run on this commit no longer apply, and GitHub cannot remove them; the list above is current.`);
    }

    let rejected = 0;
    for (const update of planCheckRunUpdates({ ...result, summary, annotations: fresh }, completedAt)) {
      rejected += await this.sendUpdate(update, rejected);
    }
    if (rejected > 0) this.log.warn({ checkRunId: this.checkRunId, rejected }, 'GitHub rejected some check run annotations; the summary lists those findings');
  }

  /**
   * Sends one update and returns how many of its annotations GitHub rejected.
   * `rejectedBefore` counts the annotations earlier updates lost, for the note.
   */
  private async sendUpdate(update: CheckRunUpdate, rejectedBefore: number): Promise<number> {
    const request = { ...repositoryOf(this.target), check_run_id: this.checkRunId };
    const summary = update.output.summary;
    const output = rejectedBefore === 0 ? update.output : { ...update.output, summary: withNote(summary, rejectedNote(rejectedBefore)) };
    try {
      await this.octokit.rest.checks.update({ ...request, ...update, output });
      return 0;
    } catch (error) {
      const annotations = update.output.annotations?.length ?? 0;
      if (httpStatus(error) !== 422 || annotations === 0) throw error;

      this.log.warn({ err: error, checkRunId: this.checkRunId, annotations }, 'GitHub rejected a check run update with annotations; sending it without them');
      const { annotations: _rejected, ...withoutAnnotations } = update.output;
      await this.octokit.rest.checks.update({ ...request, ...update, output: { ...withoutAnnotations, summary: withNote(summary, rejectedNote(rejectedBefore + annotations)) } });
      return annotations;
    }
  }
}

async function findExistingRun(
  octokit: ProbotOctokit,
  target: PullRequestTarget,
  appId: number | undefined,
  log: Logger,
): Promise<{ id: number; annotationsCount: number } | undefined> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      ...repositoryOf(target),
      ref: target.headSha,
      check_name: CHECK_RUN_NAME,
      filter: 'all',
      per_page: 100,
      ...(appId === undefined ? {} : { app_id: appId }),
    });
    // Without the App id, GitHub cannot filter by App; a run of another App with the same name is then reused too.
    const runs = data.check_runs.filter((run) => run.name === CHECK_RUN_NAME && (appId === undefined || run.app?.id === appId));
    const latest = runs.sort((left, right) => right.id - left.id)[0];
    return latest === undefined ? undefined : { id: latest.id, annotationsCount: latest.output.annotations_count };
  } catch (error) {
    log.warn({ err: error, status: httpStatus(error) }, 'Failed to list the check runs of the head commit; creating a new promgate check run');
    return undefined;
  }
}

async function listAnnotationKeys(octokit: ProbotOctokit, target: PullRequestTarget, checkRunId: number, log: Logger): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  try {
    const annotations = await octokit.paginate(octokit.rest.checks.listAnnotations, { ...repositoryOf(target), check_run_id: checkRunId, per_page: 100 });
    for (const annotation of annotations) {
      const key = annotationKey({
        path: annotation.path,
        start_line: annotation.start_line,
        end_line: annotation.end_line,
        annotation_level: annotation.annotation_level ?? 'notice',
        title: annotation.title ?? '',
        message: annotation.message ?? '',
      });
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  } catch (error) {
    // Sending every annotation again duplicates some, which is better than leaving findings unannotated.
    log.warn({ err: error, checkRunId }, 'Failed to list the annotations of the reused check run; sending every annotation');
  }
  return keys;
}

/** Identifies an annotation by what GitHub shows; columns are left out because GitHub may return them as null. */
function annotationKey(annotation: { path: string; start_line: number; end_line: number; annotation_level: string; title: string; message: string }): string {
  return JSON.stringify([annotation.path, annotation.start_line, annotation.end_line, annotation.annotation_level, annotation.title, annotation.message]);
}

function rejectedNote(count: number): string {
  return `GitHub rejected ${count} annotations of this run, so they are missing from the files view; the list above includes those findings.`;
}

/** Appends a paragraph, cutting the summary first when both would pass GitHub's limit. */
function withNote(summary: string, note: string): string {
  const room = SUMMARY_MAX_LENGTH - note.length - 2;
  return `${summary.length > room ? summary.slice(0, room) : summary}\n\n${note}`;
}
