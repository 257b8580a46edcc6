import { planDiffReport } from '../diff/diff-report.js';
import { DOCS_BASE_URL } from '../finding.js';
import { lint } from '../lint.js';
import { inlineCode } from '../report/markdown-text.js';
import { readBlobs } from './blob-reader.js';
import { selectCandidateFiles } from './candidate-files.js';
import { invalidPolicyCheckRun, lintedCheckRun } from './check-run-result.js';
import { changedPaths, fileChangesOf, missingPatchNotes } from './file-changes.js';
import { lintWithoutMonitoringFiles } from './lint-without-monitoring-files.js';
import { POLICY_PATH } from './load-policy.js';
import { reviewPolicyChange } from './policy-change.js';
import { httpStatus, listChangedFiles, readPolicyFile } from './pull-request-reader.js';
import { repositoryOf } from './pull-request-target.js';
import { readRepositoryTree } from './repository-tree.js';
import { reviewCandidates } from './review-candidates.js';
import { contextNotes, listingNotes } from './review-notes.js';
import { selectLintFiles } from './select-lint-files.js';
import { UserError } from '../errors.js';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import type { PullRequestInfo } from '../checks/check.js';
import type { Finding } from '../finding.js';
import type { ErrorConclusion, Policy } from '../policy/types.js';
import type { RepositoryLimits } from './app-settings.js';
import type { BlobCache } from './blob-reader.js';
import type { ChangedFile } from './candidate-files.js';
import type { PolicySource } from './check-run-result.js';
import type { CheckRunResult } from './check-run-updates.js';
import type { PolicyLoader } from './load-policy.js';
import type { PullRequestTarget } from './pull-request-target.js';
import type { RepositoryTree } from './repository-tree.js';
import type { ReviewCandidate } from './review-plan.js';

export const FILE_TOO_LARGE_CHECK = 'promgate/file-too-large';

const DEFAULT_MAX_FILE_BYTES = 1_048_576;

export interface LintDependencies {
  loadPolicy: PolicyLoader;
  limits: RepositoryLimits;
  blobCache: BlobCache;
}

/** The result of linting a pull request: its check run, and what the review needs. */
export interface LintOutcome {
  checkRun: CheckRunResult;
  /** Reported findings with their fingerprints and comment positions. */
  candidates: ReviewCandidate[];
  /** Fingerprints of every finding, reported or pre-existing, to tell findings that went away. */
  fingerprints: Set<string>;
  /**
   * Whether every monitoring file was linted, so that a finding missing now
   * was fixed rather than left unread; only then are old comments closed.
   */
  complete: boolean;
}

/** How far a review got, for the check run when it fails: "promgate failed to <step>". */
export interface ReviewProgress {
  step: string;
  /** The policy's `on_error`, once the policy is known. */
  onError: ErrorConclusion;
}

/**
 * Lints the monitoring files of the pull request's head commit together with
 * the rest of the repository's monitoring files, judged by the base branch's
 * policy, and decides which findings the pull request's changes touch.
 */
export async function lintPullRequest(
  octokit: ProbotOctokit,
  target: PullRequestTarget,
  dependencies: LintDependencies,
  progress: ReviewProgress,
  log: Logger,
): Promise<LintOutcome> {
  progress.step = 'read the policy file';
  const policyFile = await readPolicyFile(octokit, target, POLICY_PATH);
  const source: PolicySource = { path: POLICY_PATH, baseRef: target.baseRef, baseSha: target.baseSha, found: policyFile.kind === 'found' };
  if (policyFile.kind === 'unusable') return invalidPolicy(source, new Error(policyFile.reason), log);

  progress.step = 'build the policy';
  let policy: Policy;
  try {
    policy = dependencies.loadPolicy(policyFile.kind === 'found' ? policyFile.text : undefined, POLICY_PATH);
  } catch (error) {
    // Without a policy file the error is in promgate's own defaults, which the repository cannot fix.
    if (!(error instanceof UserError) || policyFile.kind !== 'found') throw error;
    return invalidPolicy(source, error, log);
  }
  progress.onError = policy.onError ?? 'failure';

  progress.step = 'list the changed files';
  const changed = await listChangedFiles(octokit, target);
  const notes = listingNotes(target, changed);
  const pullRequest: PullRequestInfo = { changedFiles: changedPaths(changed), labels: target.labels, body: target.body };
  const policyFileChange = changed.find((file) => file.path === POLICY_PATH || file.previousPath === POLICY_PATH);
  if (selectCandidateFiles(changed, policy).length === 0 && policyFileChange === undefined) {
    progress.step = 'lint the pull request as a whole';
    const changedFiles = Math.max(target.changedFiles, changed.length);
    return lintWithoutMonitoringFiles({ target, policy, source, pullRequest, changedFiles, notes });
  }

  progress.step = 'list the files of the repository';
  const tree = await readTreeOrNothing(octokit, target, dependencies.limits, log);
  const maxFileBytes = policy.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const selection = selectLintFiles({ tree: tree?.blobs, changed, policy, limits: dependencies.limits, maxFileBytes });

  progress.step = 'read the monitoring files';
  const policyBlobSha = policyFileChange?.path === POLICY_PATH && policyFileChange.status !== 'removed' ? policyFileChange.blobSha : null;
  const policyBlob = policyBlobSha === null || policyBlobSha === undefined ? undefined : { path: POLICY_PATH, sha: policyBlobSha };
  const requests = selection.read.map((file) => ({ path: file.path, sha: file.sha }));
  if (policyBlob !== undefined && !requests.some((request) => request.path === POLICY_PATH)) requests.push(policyBlob);
  const read = await readBlobs(octokit, repositoryOf(target), requests, dependencies.blobCache);
  const texts = new Map(read.files.map((file) => [file.path, file.text]));

  progress.step = 'lint the monitoring files';
  const lintedPaths = new Set(selection.read.map((file) => file.path));
  const result = lint({ files: read.files.filter((file) => lintedPaths.has(file.path)), policy, pullRequest });
  const findings: Finding[] = [...result.findings, ...selection.tooLarge.map((file) => fileTooLargeFinding(file.path, file.size ?? 0, maxFileBytes))];
  if (policyFileChange !== undefined) {
    // A rename away from the policy path removes the policy as surely as a deletion.
    const asPolicyFile: ChangedFile = policyFileChange.path === POLICY_PATH ? policyFileChange : { ...policyFileChange, path: POLICY_PATH, status: 'removed' };
    const change = reviewPolicyChange(asPolicyFile, texts.get(POLICY_PATH), dependencies.loadPolicy, target.baseRef);
    findings.push(...change.findings);
    notes.push(change.note);
  }

  const changedRead = selection.read.filter((file) => file.changed);
  const failedChanged = read.failed.filter((failure) => changedRead.some((file) => file.path === failure.path));
  const failedOthers = read.failed.length - failedChanged.length;
  notes.push(...missingPatchNotes(selectCandidateFiles(changed, policy)), ...contextNotes(tree, selection, failedOthers));
  notes.push(...selection.unreadable.map((path) => `GitHub gave no blob SHA for ${inlineCode(path)}, so promgate could not read it.`));
  for (const failure of failedChanged) {
    log.error({ err: failure.error, path: failure.path, status: httpStatus(failure.error) }, 'Failed to read a changed file');
    notes.push(`promgate could not read ${inlineCode(failure.path)} at the head commit: ${errorText(failure.error)}.`);
  }

  const report = planDiffReport({ findings, changes: fileChangesOf(changed), scope: policy.report ?? 'changed' });
  const incomplete = failedChanged.length > 0 || selection.unreadable.length > 0;
  const checkRun = lintedCheckRun({
    report,
    scope: policy.report ?? 'changed',
    failOn: policy.failOn,
    onError: policy.onError ?? 'failure',
    policy: source,
    headSha: target.headSha,
    linted: { changed: changedRead.length - failedChanged.length, others: result.files.length - (changedRead.length - failedChanged.length) },
    rules: result.summary.rules,
    notes,
    incomplete,
  });

  const complete = !incomplete && read.failed.length === 0 && tree?.complete === true && selection.leftOut.files === 0;
  return { checkRun, ...reviewCandidates(report, findings), complete };
}

function invalidPolicy(source: PolicySource, error: unknown, log: Logger): LintOutcome {
  log.warn({ err: error, policyPath: source.path, baseSha: source.baseSha }, 'Invalid promgate policy on the base branch');
  return { checkRun: invalidPolicyCheckRun(source, error), candidates: [], fingerprints: new Set(), complete: false };
}

/** Lists the head commit's files, or returns undefined so the review goes on with the changed files alone. */
async function readTreeOrNothing(octokit: ProbotOctokit, target: PullRequestTarget, limits: RepositoryLimits, log: Logger): Promise<RepositoryTree | undefined> {
  try {
    return await readRepositoryTree(octokit, repositoryOf(target), target.headSha, limits.maxTreeRequests);
  } catch (error) {
    log.warn({ err: error, status: httpStatus(error) }, 'Failed to list the files of the repository; linting the changed files alone');
    return undefined;
  }
}

function fileTooLargeFinding(path: string, size: number, maxFileBytes: number): Finding {
  return {
    check: FILE_TOO_LARGE_CHECK,
    severity: 'error',
    file: path,
    message: `${inlineCode(path)} has ${size.toLocaleString('en-US')} bytes, more than the policy's \`max_file_bytes\` of ${maxFileBytes.toLocaleString('en-US')}, so promgate did not lint it.`,
    fix: 'Split the file, or raise `max_file_bytes` in `.github/promgate.yml` on the base branch, or add the file to `exclude`.',
    docs: DOCS_BASE_URL.replace(/\/checks$/, '/policy.md'),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
