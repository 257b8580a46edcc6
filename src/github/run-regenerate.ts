import { UserError } from '../errors.js';
import { inlineCode } from '../report/markdown-text.js';
import { fromPolicyOptions } from '../slo/generation-options.js';
import { planRegeneration } from '../slo/plan-regeneration.js';
import { closedReply } from './command-replies.js';
import { POLICY_PATH } from './load-policy.js';
import { readPolicyFile } from './pull-request-reader.js';
import { pushRegeneratedFiles } from './push-regenerated-files.js';
import { readPullRequest } from './read-pull-request.js';
import { readRegenerationFiles } from './read-regeneration-files.js';
import { invalidPolicyReply, patchReply, pushedReply, regenerationCommitMessage, upToDateReply } from './regenerate-messages.js';
import type { Policy } from '../policy/types.js';
import type { CommandRequest } from './command-request.js';
import type { LintDependencies } from './lint-pull-request.js';
import type { RepositoryRef } from './pull-request-target.js';
import type { PullRequestDetails } from './read-pull-request.js';
import type { RegenerationReport } from './regenerate-messages.js';

/**
 * Runs `/promgate regenerate` and returns the reply. It reads the SLO specs
 * and generated rule files of the head commit and generates each spec's rules
 * with the base branch's `slo` settings. The files that differ are pushed as
 * one commit, or sent back as a patch when promgate may not push to the
 * branch. Nothing read from the pull request is run: only promgate's own
 * generator reads the specs.
 */
export async function runRegenerate(request: CommandRequest, dependencies: LintDependencies): Promise<string> {
  const { octokit, login, log } = request;
  const pull = await readPullRequest(octokit, request.pullRequest);
  if (pull.state !== 'open') return closedReply(login, 'regenerate');
  const target = pull.target;

  const policyFile = await readPolicyFile(octokit, target, POLICY_PATH);
  if (policyFile.kind === 'unusable') return invalidPolicyReply(login, POLICY_PATH, target.baseRef, policyFile.reason);
  let policy: Policy;
  try {
    policy = dependencies.loadPolicy(policyFile.kind === 'found' ? policyFile.text : undefined, POLICY_PATH);
  } catch (error) {
    if (!(error instanceof UserError) || policyFile.kind !== 'found') throw error;
    return invalidPolicyReply(login, POLICY_PATH, target.baseRef, error.message);
  }

  const read = await readRegenerationFiles(octokit, target, policy, dependencies);
  const plan = planRegeneration(read.files, policy.slo === undefined ? {} : fromPolicyOptions(policy.slo));
  // A file that exists but could not be read would be written as new, so it is left out and the notes name it.
  plan.changes = plan.changes.filter((change) => !(change.created && read.tree.has(change.path)));
  const report: RegenerationReport = { login, plan, texts: new Map(read.files.map((file) => [file.path, file.text])), notes: read.notes };
  log.info({ headSha: target.headSha, changes: plan.changes.length, unchanged: plan.unchanged.length, invalid: plan.invalid.length }, 'Planned the regeneration of SLO rules');
  if (plan.changes.length === 0) return upToDateReply(report, target.headSha);

  const destination = pushDestination(pull);
  if (destination.kind === 'patch-only') {
    log.info({ headRef: pull.headRef, reason: destination.reason }, 'Replying with a patch, because promgate may not push to the head branch');
    return patchReply(report, destination.reason);
  }

  const pushed = await pushRegeneratedFiles(octokit, {
    repository: destination.repository,
    branch: pull.headRef,
    headSha: target.headSha,
    files: plan.changes,
    tree: read.tree,
    message: regenerationCommitMessage(plan.changes, login, target.number),
  });
  if (pushed.kind === 'rejected') {
    log.warn({ status: pushed.status, reason: pushed.reason, headRef: pull.headRef }, 'GitHub rejected the push of regenerated SLO rules; replying with a patch');
    const retry = pushed.status === 422 ? ' The branch may have new commits since promgate read it: comment `/promgate regenerate` again to regenerate from them.' : '';
    return patchReply(report, `GitHub rejected the push with status ${pushed.status} (${inlineCode(pushed.reason)}).${retry}`);
  }
  log.info({ commitSha: pushed.commitSha, headRef: pull.headRef, files: plan.changes.map((change) => change.path) }, 'Pushed regenerated SLO rules');
  return pushedReply(report, pushed.commitSha, pull.headRef);
}

/**
 * Returns the repository promgate pushes the head branch to, or why it may
 * only reply with a patch.
 */
function pushDestination(pull: PullRequestDetails): { kind: 'push'; repository: RepositoryRef } | { kind: 'patch-only'; reason: string } {
  const repository = pull.headRepository;
  if (repository === undefined) return { kind: 'patch-only', reason: 'the repository of its head branch was deleted.' };
  if (pull.fromFork && !pull.maintainerCanModify) {
    const fork = inlineCode(`${repository.owner}/${repository.repo}`);
    return { kind: 'patch-only', reason: `its branch ${inlineCode(pull.headRef)} is in the fork ${fork}, whose author does not allow edits by maintainers.` };
  }
  // NOTE: GitHub's documentation does not say whether an App's installation token may push to a fork that
  // allows edits by maintainers. If GitHub rejects the push, the reply carries the patch instead.
  return { kind: 'push', repository };
}
