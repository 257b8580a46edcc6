import { planDiffReport } from '../diff/diff-report.js';
import { lint } from '../lint.js';
import { lintedCheckRun, noMonitoringChangesCheckRun } from './check-run-result.js';
import { reviewCandidates } from './review-candidates.js';
import type { PullRequestInfo } from '../checks/check.js';
import type { Policy } from '../policy/types.js';
import type { PolicySource } from './check-run-result.js';
import type { LintOutcome } from './lint-pull-request.js';
import type { PullRequestTarget } from './pull-request-target.js';

export interface PullRequestOnlyInput {
  target: PullRequestTarget;
  policy: Policy;
  source: PolicySource;
  pullRequest: PullRequestInfo;
  /** The number of files the pull request changes, for the summary. */
  changedFiles: number;
  notes: string[];
}

/**
 * Lints a pull request that changes no file promgate lints. Only the checks
 * about the pull request as a whole can report, such as `dod/monitoring` on a
 * change to a service's code alone. Without their findings, the run passes
 * with "No monitoring configuration changed".
 */
export function lintWithoutMonitoringFiles(input: PullRequestOnlyInput): LintOutcome {
  const { policy, source, notes } = input;
  const findings = lint({ files: [], policy, pullRequest: input.pullRequest }).findings;
  if (findings.length === 0) {
    const checkRun = noMonitoringChangesCheckRun({ changedFiles: input.changedFiles, include: policy.include, policy: source, notes });
    return { checkRun, candidates: [], fingerprints: new Set(), complete: false };
  }

  const scope = policy.report ?? 'changed';
  const report = planDiffReport({ findings, changes: new Map(), scope });
  const checkRun = lintedCheckRun({
    report,
    scope,
    failOn: policy.failOn,
    onError: policy.onError ?? 'failure',
    policy: source,
    headSha: input.target.headSha,
    linted: 'no-monitoring-changes',
    rules: 0,
    notes,
    incomplete: false,
  });
  // No monitoring file was read, so a finding missing now may just be unread: `complete` stays false.
  return { checkRun, ...reviewCandidates(report, findings), complete: false };
}
