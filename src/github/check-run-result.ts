import { severityRank } from '../finding.js';
import { countBySeverity, describeCounts, renderMarkdownSummary } from '../report/markdown-summary.js';
import { escapeHtml, inlineCode } from '../report/markdown-text.js';
import { MONITORING_EXTENSIONS } from './candidate-files.js';
import { CHECK_RUN_NAME, SUMMARY_MAX_LENGTH } from './check-run-updates.js';
import { toAnnotation } from './to-annotation.js';
import type { DiffReport } from '../diff/diff-report.js';
import type { Severity } from '../finding.js';
import type { ErrorConclusion, ReportScope } from '../policy/types.js';
import type { CheckRunResult } from './check-run-updates.js';
import type { CheckAnnotation } from './to-annotation.js';

/**
 * The maximum number of annotations on one check run. The API takes 50 per
 * request, so this bounds the run to 20 update requests, and the summary still
 * lists every finding it has room for. The number is promgate's choice, not GitHub's.
 */
export const MAX_ANNOTATIONS = 1_000;

/** Room left in the summary for the notes the publisher may append about annotations. */
const PUBLISHER_NOTE_ROOM = 1_000;

/** The origin of the policy that judged a pull request. */
export interface PolicySource {
  path: string;
  baseRef: string;
  baseSha: string;
  /** False when the base branch has no policy file and the defaults applied. */
  found: boolean;
}

/** Everything the check run reports about a pull request that was linted. */
export interface LintedPullRequest {
  report: DiffReport;
  scope: ReportScope;
  failOn: Severity;
  onError: ErrorConclusion;
  policy: PolicySource;
  headSha: string;
  /**
   * Files read and linted: those the pull request changes, and others read
   * because some checks compare files. `no-monitoring-changes` when the pull
   * request changes no file promgate lints and only the checks about the pull
   * request as a whole ran.
   */
  linted: { changed: number; others: number } | 'no-monitoring-changes';
  rules: number;
  /** Markdown paragraphs about files that were not read, limits and the policy file. */
  notes: readonly string[];
  /** Whether a changed monitoring file could not be read, so the result cannot vouch for the whole change. */
  incomplete: boolean;
}

/** Decides the conclusion, title, summary and annotations of a linted pull request. */
export function lintedCheckRun(pullRequest: LintedPullRequest): CheckRunResult {
  const reported = pullRequest.report.reported.map((entry) => entry.finding);
  const preExisting = pullRequest.report.preExisting;
  const failing = reported.some((finding) => severityRank(finding.severity) >= severityRank(pullRequest.failOn));
  const annotations = reported.map(toAnnotation).filter((annotation): annotation is CheckAnnotation => annotation !== undefined);

  const intro = [
    `${lintedSentence(pullRequest)} ${policySentence(pullRequest.policy)}`,
    `${scopeSentence(pullRequest.scope)} ${failOnSentence(pullRequest.failOn)}`,
    ...pullRequest.notes,
  ];
  if (pullRequest.incomplete && !failing) intro.push(incompleteSentence(pullRequest.onError));
  if (annotations.length > MAX_ANNOTATIONS) {
    intro.push(`Only the first ${MAX_ANNOTATIONS.toLocaleString('en-US')} of ${annotations.length.toLocaleString('en-US')} findings are annotated in the files; the list below has the rest.`);
  }

  const counts = reported.length === 0 ? 'No problems in the changes' : describeCounts(countBySeverity(reported));
  return {
    conclusion: failing ? 'failure' : pullRequest.incomplete ? pullRequest.onError : 'success',
    title: preExisting.length === 0 ? counts : `${counts} (${preExisting.length} pre-existing)`,
    summary: renderMarkdownSummary(reported, {
      intro,
      maxLength: SUMMARY_MAX_LENGTH - PUBLISHER_NOTE_ROOM,
      apart: {
        heading: 'Pre-existing findings',
        intro: 'These findings are on rules, groups, scrape jobs and lines this pull request does not change, so they do not affect the conclusion. Set `report: all` in the policy to report them too.',
        findings: preExisting,
      },
    }),
    annotations: annotations.slice(0, MAX_ANNOTATIONS),
  };
}

/** Passes a pull request that changes no file promgate lints, because a required check must always report. */
export function noMonitoringChangesCheckRun(input: { changedFiles: number; include: readonly string[]; policy: PolicySource; notes: readonly string[] }): CheckRunResult {
  const extensions = MONITORING_EXTENSIONS.map((extension) => inlineCode(extension)).join(', ');
  const include = input.include.map((glob) => inlineCode(glob)).join(', ');
  const summary = [
    `This pull request changes ${plural(input.changedFiles, 'file')}, and none holds Prometheus rules or configuration, so promgate had nothing to lint. ` +
      `It reads files ending in ${extensions} that the policy's \`include\` globs (${include === '' ? 'none' : include}) match and its \`exclude\` globs do not.`,
    policySentence(input.policy),
    ...input.notes,
  ];
  return { conclusion: 'success', title: 'No monitoring configuration changed', summary: summary.join('\n\n'), annotations: [] };
}

/** Fails the run when the policy file cannot be used, and explains how to get out of that state. */
export function invalidPolicyCheckRun(policy: PolicySource, error: unknown): CheckRunResult {
  const summary = [
    `promgate could not use the policy in ${inlineCode(policy.path)} on ${inlineCode(policy.baseRef)} (at ${inlineCode(shortSha(policy.baseSha))}), so it linted nothing and fails this check instead of passing unchecked changes:`,
    quote(errorMessage(error)),
    `Fix ${inlineCode(policy.path)} on ${inlineCode(policy.baseRef)}. promgate reads the policy from the base branch so that a pull request cannot switch its own gate off; a pull request that fixes the file therefore fails this check too until the fix is merged.`,
  ];
  return { conclusion: 'failure', title: 'Invalid promgate policy', summary: summary.join('\n\n'), annotations: [] };
}

/** Ends the run when promgate itself could not finish, with the conclusion the policy's `on_error` chooses. */
export function internalErrorCheckRun(step: string, error: unknown, deliveryId: string, onError: ErrorConclusion): CheckRunResult {
  const consequence =
    onError === 'failure'
      ? 'The check fails so that unchecked changes cannot merge (the policy sets `on_error: failure`).'
      : 'The check is neutral, so it does not block the merge, and the changes are unchecked (the policy sets `on_error: neutral`).';
  const summary = [
    `promgate failed to ${step}:`,
    quote(errorMessage(error)),
    consequence,
    `To run it again, choose **Re-run** on the \`${CHECK_RUN_NAME}\` check, or push a new commit. If it keeps failing, report it with the webhook delivery id ${inlineCode(deliveryId)}.`,
  ];
  return { conclusion: onError, title: 'promgate could not finish', summary: summary.join('\n\n'), annotations: [] };
}

function lintedSentence(pullRequest: LintedPullRequest): string {
  const at = inlineCode(shortSha(pullRequest.headSha));
  if (pullRequest.linted === 'no-monitoring-changes') return `This pull request changes no file that promgate lints, so promgate checked only the pull request as a whole at ${at}.`;
  const { changed, others } = pullRequest.linted;
  const rules = plural(pullRequest.rules, 'rule');
  if (others === 0) return `promgate linted the ${plural(changed, 'changed file')} of this pull request at ${at} (${rules}).`;
  return `promgate linted ${plural(changed + others, 'file')} at ${at} (${rules}): the ${plural(changed, 'changed file')} of this pull request and ${plural(others, 'other file')} from the repository, because some checks compare files.`;
}

function scopeSentence(scope: ReportScope): string {
  return scope === 'all'
    ? 'It reports every finding of the files linted (`report: all`).'
    : 'It reports findings on the rules, groups and scrape jobs this pull request changes (`report: changed`).';
}

function policySentence(policy: PolicySource): string {
  const at = `${inlineCode(policy.baseRef)} at ${inlineCode(shortSha(policy.baseSha))}`;
  return policy.found
    ? `The policy comes from ${inlineCode(policy.path)} on ${at}.`
    : `The default policy applies, because ${at} has no ${inlineCode(policy.path)}.`;
}

function failOnSentence(failOn: Severity): string {
  if (failOn === 'error') return 'Findings of severity `error` fail this check.';
  if (failOn === 'warning') return 'Findings of severity `warning` or `error` fail this check.';
  return 'Any finding fails this check.';
}

function incompleteSentence(onError: ErrorConclusion): string {
  return onError === 'failure'
    ? 'Because a changed file could not be read, the check fails (`on_error: failure`); re-run it once GitHub serves the file.'
    : 'Because a changed file could not be read, the check is neutral (`on_error: neutral`); re-run it once GitHub serves the file.';
}

function quote(text: string): string {
  return escapeHtml(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
