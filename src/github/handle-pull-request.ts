import { UserError } from '../errors.js';
import { lint } from '../lint.js';
import { selectCandidateFiles } from './candidate-files.js';
import { internalErrorCheckRun, invalidPolicyCheckRun, lintedCheckRun } from './check-run-result.js';
import { planCheckRunUpdates } from './check-run-updates.js';
import { POLICY_PATH } from './load-policy.js';
import { parsePatch } from '../diff/parse-patch.js';
import { placeComments } from './place-comments.js';
import { Publisher } from './publisher.js';
import { httpStatus, listChangedFiles, listPostedFingerprints, MAX_LISTED_FILES, readChangedFiles, readPolicyFile } from './pull-request-reader.js';
import { fingerprintPlaced, planReview } from './review-plan.js';
import { inlineCode } from '../report/markdown-text.js';
import type { Context } from 'probot';
import type { Finding } from '../finding.js';
import type { ChangedFile } from './candidate-files.js';
import type { PolicySource } from './check-run-result.js';
import type { CheckRunResult } from './check-run-updates.js';
import type { PolicyLoader } from './load-policy.js';
import type { ParsedPatch } from '../diff/parse-patch.js';
import type { PullRequestTarget } from './pull-request-reader.js';

export const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'] as const;

export type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

export interface HandlerOptions {
  loadPolicy: PolicyLoader;
  /** The clock for `completed_at`; tests pass a fixed one. */
  now: () => Date;
}

/** The result of linting: the check run to publish and the findings to place in the review. */
interface LintOutcome {
  checkRun: CheckRunResult;
  findings: readonly Finding[];
  patches: Map<string, ParsedPatch>;
}

/**
 * Lints a pull request and publishes the `promgate` check run, then one
 * review with comments on the changed lines. The check run always completes,
 * with `failure` when promgate cannot finish, because a required check that
 * never reports blocks the pull request with no explanation.
 */
export async function handlePullRequest(context: PullRequestContext, options: HandlerOptions): Promise<void> {
  const target = pullRequestTarget(context.payload);
  const log = context.log.child({ repository: `${target.owner}/${target.repo}`, pullRequest: target.number });
  const publisher = new Publisher(context.octokit, target);

  const checkRunId = await publisher.startCheckRun();
  log.info({ checkRunId, headSha: target.headSha }, 'Started the promgate check run');

  const progress = { step: 'read the policy file' };
  let outcome: LintOutcome;
  try {
    outcome = await lintPullRequest(context, target, options, progress);
    progress.step = 'complete the check run';
    await publisher.updateCheckRun(checkRunId, planCheckRunUpdates(outcome.checkRun, options.now()));
  } catch (error) {
    log.error({ err: error, checkRunId }, `promgate failed to ${progress.step}`);
    await publisher.updateCheckRun(checkRunId, planCheckRunUpdates(internalErrorCheckRun(progress.step, error, context.id), options.now()));
    return;
  }
  log.info({ checkRunId, conclusion: outcome.checkRun.conclusion, findings: outcome.findings.length }, 'Completed the promgate check run');

  try {
    await publishReview(context, target, publisher, outcome, log);
  } catch (error) {
    // The check run already carries every finding, so a failed review loses no information.
    log.error({ err: error, status: httpStatus(error) }, 'promgate failed to post the review');
  }
}

export function pullRequestTarget(payload: PullRequestContext['payload']): PullRequestTarget {
  return {
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    number: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    baseSha: payload.pull_request.base.sha,
    baseRef: payload.pull_request.base.ref,
    // Some webhook payload types mark the count optional; without it the summary cannot tell that GitHub cut the file list.
    changedFiles: payload.pull_request.changed_files ?? 0,
  };
}

async function lintPullRequest(
  context: PullRequestContext,
  target: PullRequestTarget,
  options: HandlerOptions,
  progress: { step: string },
): Promise<LintOutcome> {
  const policyFile = await readPolicyFile(context.octokit, target, POLICY_PATH);
  const source: PolicySource = { path: POLICY_PATH, baseRef: target.baseRef, baseSha: target.baseSha, found: policyFile.kind === 'found' };
  if (policyFile.kind === 'unusable') return invalidPolicy(context, source, new Error(policyFile.reason));

  progress.step = 'build the policy';
  let policy;
  try {
    policy = options.loadPolicy(policyFile.kind === 'found' ? policyFile.text : undefined, POLICY_PATH);
  } catch (error) {
    // Without a policy file the error is in promgate's own defaults, which the repository cannot fix.
    if (!(error instanceof UserError) || policyFile.kind !== 'found') throw error;
    return invalidPolicy(context, source, error);
  }

  progress.step = 'list the changed files';
  const changed = await listChangedFiles(context.octokit, target);
  const candidates = selectCandidateFiles(changed, policy);

  progress.step = 'read the changed files';
  const read = await readChangedFiles(context.octokit, target, candidates);

  progress.step = 'lint the changed files';
  const result = lint({ files: read.files, policy });
  const checkRun = lintedCheckRun({
    findings: result.findings,
    failOn: policy.failOn,
    include: policy.include,
    policy: source,
    changedFiles: changed.length,
    monitoringFiles: result.summary.files,
    rules: result.summary.rules,
    notes: readingNotes(target, changed, read.unreadable),
  });
  return { checkRun, findings: result.findings, patches: parsePatches(candidates) };
}

function invalidPolicy(context: PullRequestContext, source: PolicySource, error: unknown): LintOutcome {
  context.log.warn({ err: error, policyPath: source.path, baseSha: source.baseSha }, 'Invalid promgate policy on the base branch');
  return { checkRun: invalidPolicyCheckRun(source, error), findings: [], patches: new Map() };
}

async function publishReview(
  context: PullRequestContext,
  target: PullRequestTarget,
  publisher: Publisher,
  outcome: LintOutcome,
  log: PullRequestContext['log'],
): Promise<void> {
  const placed = placeComments(outcome.findings, outcome.patches);
  if (placed.length === 0) {
    log.debug({ findings: outcome.findings.length }, 'No finding is on a changed line, so promgate posts no review');
    return;
  }

  const posted = await listPostedFingerprints(context.octokit, target);
  const review = planReview(fingerprintPlaced(placed, outcome.findings), posted, outcome.findings.length);
  if (review === undefined) {
    log.debug({ placed: placed.length }, 'Every finding on a changed line already has a comment, so promgate posts no review');
    return;
  }
  await publisher.createReview(review);
  log.info({ comments: review.comments.length }, 'Posted the promgate review');
}

function parsePatches(files: readonly ChangedFile[]): Map<string, ParsedPatch> {
  const patches = new Map<string, ParsedPatch>();
  for (const file of files) {
    if (file.patch !== undefined) patches.set(file.path, parsePatch(file.patch));
  }
  return patches;
}

function readingNotes(target: PullRequestTarget, changed: readonly ChangedFile[], unreadable: readonly string[]): string[] {
  const notes = unreadable.map((path) => `GitHub gave no blob SHA for ${inlineCode(path)}, so promgate could not read it.`);
  if (changed.length >= MAX_LISTED_FILES && target.changedFiles > changed.length) {
    notes.push(
      `This pull request changes ${target.changedFiles} files, but GitHub lists only the first ${MAX_LISTED_FILES.toLocaleString('en-US')}; promgate did not lint the rest. Run \`npx promgate lint\` on the repository to check them.`,
    );
  }
  return notes;
}
