import { severityRank } from '../finding.js';
import { countBySeverity, describeCounts, renderMarkdownSummary } from '../report/markdown-summary.js';
import { escapeHtml, inlineCode } from '../report/markdown-text.js';
import { SUMMARY_MAX_LENGTH } from './check-run-updates.js';
import { MONITORING_EXTENSIONS } from './candidate-files.js';
import { toAnnotation } from './to-annotation.js';
import type { Finding, Severity } from '../finding.js';
import type { CheckRunResult } from './check-run-updates.js';
import type { CheckAnnotation } from './to-annotation.js';

/**
 * The maximum number of annotations on one check run. The API takes 50 per
 * request, so this bounds the run to 20 update requests, and the summary still
 * lists every finding it has room for. The number is promgate's choice, not GitHub's.
 */
export const MAX_ANNOTATIONS = 1_000;

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
  findings: readonly Finding[];
  failOn: Severity;
  include: readonly string[];
  policy: PolicySource;
  changedFiles: number;
  /** Files that held monitoring configuration, or that failed to parse. */
  monitoringFiles: number;
  rules: number;
  /** Markdown paragraphs about files that could not be read or listed. */
  notes: readonly string[];
}

/** Decides the conclusion, title, summary and annotations of a linted pull request. */
export function lintedCheckRun(pullRequest: LintedPullRequest): CheckRunResult {
  const { findings } = pullRequest;
  if (pullRequest.monitoringFiles === 0 && findings.length === 0) {
    return {
      conclusion: 'success',
      title: 'No monitoring configuration changed',
      summary: [noMonitoringFiles(pullRequest), policySentence(pullRequest.policy), ...pullRequest.notes].join('\n\n'),
      annotations: [],
    };
  }

  const failing = findings.some((finding) => severityRank(finding.severity) >= severityRank(pullRequest.failOn));
  const annotations = findings.map(toAnnotation).filter((annotation): annotation is CheckAnnotation => annotation !== undefined);
  const intro = [`${lintedSentence(pullRequest)} ${policySentence(pullRequest.policy)}`, failOnSentence(pullRequest.failOn), ...pullRequest.notes];
  if (annotations.length > MAX_ANNOTATIONS) {
    intro.push(`Only the first ${MAX_ANNOTATIONS.toLocaleString('en-US')} of ${annotations.length.toLocaleString('en-US')} findings are annotated in the files; the list below has the rest.`);
  }

  return {
    conclusion: failing ? 'failure' : 'success',
    title: describeCounts(countBySeverity(findings)),
    summary: renderMarkdownSummary(findings, { intro, maxLength: SUMMARY_MAX_LENGTH }),
    annotations: annotations.slice(0, MAX_ANNOTATIONS),
  };
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

/** Fails the run when promgate itself could not finish, so unchecked changes cannot merge. */
export function internalErrorCheckRun(step: string, error: unknown, deliveryId: string): CheckRunResult {
  const summary = [
    `promgate failed to ${step}:`,
    quote(errorMessage(error)),
    'The check fails so that unchecked changes cannot merge. Push a new commit, or close and reopen the pull request, to run it again.',
    `If it keeps failing, report it with the webhook delivery id ${inlineCode(deliveryId)}.`,
  ];
  return { conclusion: 'failure', title: 'promgate could not finish', summary: summary.join('\n\n'), annotations: [] };
}

function lintedSentence(pullRequest: LintedPullRequest): string {
  const files = plural(pullRequest.monitoringFiles, 'file');
  const rules = plural(pullRequest.rules, 'rule');
  return `promgate linted ${files} with monitoring configuration (${rules}) of the ${plural(pullRequest.changedFiles, 'file')} this pull request changes.`;
}

function noMonitoringFiles(pullRequest: LintedPullRequest): string {
  const extensions = MONITORING_EXTENSIONS.map((extension) => inlineCode(extension)).join(', ');
  const include = pullRequest.include.map((glob) => inlineCode(glob)).join(', ');
  return (
    `This pull request changes ${plural(pullRequest.changedFiles, 'file')}, and none holds Prometheus rules or configuration, so promgate had nothing to lint. ` +
    `It reads files ending in ${extensions} that the policy's \`include\` globs (${include === '' ? 'none' : include}) match and its \`exclude\` globs do not.`
  );
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

function quote(text: string): string {
  return escapeHtml(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
