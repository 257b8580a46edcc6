import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { compareFindings, severityRank } from '../finding.js';
import { planDiffReport, WHOLE_FILE_CHANGE } from '../diff/index.js';
import { lint } from '../lint.js';
import { findGitRoot } from './find-git-root.js';
import { findMergeBase } from './find-merge-base.js';
import { formatReport } from './format-report.js';
import { CI_HELP } from './help-text.js';
import { loadBasePolicy } from './load-base-policy.js';
import { loadPolicyFile } from './load-policy-file.js';
import { parseCiArgs } from './parse-ci-args.js';
import { listChangedPaths, readChanges } from './read-changes.js';
import { readCommitFiles } from './read-commit-files.js';
import { readWorkTreeFiles } from './read-work-tree-files.js';
import { resolveCommit } from './resolve-commit.js';
import { resolvePathScope } from './resolve-path-scope.js';
import { GitCommandError } from './run-git.js';
import { toReportedFinding } from './to-reported-finding.js';
import type { Finding } from '../finding.js';
import type { Report } from '../report/report.js';
import type { CliIo } from './cli-io.js';
import type { NamedCommit } from './find-merge-base.js';
import type { WorkTreeFiles } from './read-work-tree-files.js';

/**
 * Runs `promgate ci`: lints every monitoring file of the work tree, or of
 * `--head`, under the policy at `--base`, and reports the findings the
 * change since the merge base touches, with the GitHub App's diff logic. The
 * others are listed apart as pre-existing. Returns 1 when a reported finding
 * reaches the fail-on severity and 0 otherwise.
 */
export async function runCi(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCiArgs(argv);
  if (args.help) {
    io.stdout.write(CI_HELP);
    return 0;
  }

  // git prints the root with links resolved; a real current directory keeps printed paths short.
  const cwd = realpathSync(io.cwd);
  const root = await gitStep('find the git repository', () => findGitRoot(cwd));
  const base = await gitStep(`resolve --base ${args.base}`, () => nameCommit(root, args.base));
  const head = await gitStep(`resolve ${args.head === undefined ? 'HEAD' : `--head ${args.head}`}`, () => nameCommit(root, args.head ?? 'HEAD'));
  const mergeBase = await gitStep('find the merge base', () => findMergeBase(root, base, head));
  const policy =
    args.policy === undefined
      ? await gitStep(`read the policy at ${base.name}`, () => loadBasePolicy(root, base, args.failOn))
      : loadPolicyFile(resolve(cwd, args.policy), true, args.failOn, cwd, args.policy);
  const inScope = await gitStep('check the PATH arguments', () => resolvePathScope(args.paths, cwd, root, args.head === undefined ? undefined : head));

  const source: WorkTreeFiles =
    args.head === undefined
      ? await gitStep('list the files of the work tree', () => readWorkTreeFiles(root, policy))
      : { files: await gitStep(`read the files of ${head.name}`, () => readCommitFiles(root, head.id, policy)), untracked: [] };
  const changes = await gitStep('read the changes', () => readChanges(root, mergeBase, args.head === undefined ? undefined : head.id));
  for (const path of source.untracked) changes.set(path, WHOLE_FILE_CHANGE);

  const changedPaths = await gitStep('list the changed paths', () => listChangedPaths(root, mergeBase, args.head === undefined ? undefined : head.id));
  const result = lint({ files: source.files, policy, pullRequest: { changedFiles: [...new Set([...changedPaths, ...source.untracked])] } });
  const plan = planDiffReport({ findings: result.findings, changes, scope: policy.report ?? 'changed' });
  const present = (findings: readonly Finding[]): Finding[] =>
    findings
      .filter((finding) => finding.file === undefined || inScope(finding.file))
      .map((finding) => toReportedFinding(finding, root, cwd))
      .sort(compareFindings);
  const findings = present(plan.reported.map((entry) => entry.finding));
  const report: Report = { findings, preExisting: present(plan.preExisting), summary: { ...result.summary, findings: findings.length } };

  if (source.files.length === 0) {
    io.stderr.write(`promgate: no files to lint in ${root}; promgate ci reads the .yml, .yaml and .rules files that the policy includes and does not exclude.\n`);
  }
  io.stdout.write(formatReport(report, args.format, io));
  return findings.some((finding) => severityRank(finding.severity) >= severityRank(policy.failOn)) ? 1 : 0;
}

async function nameCommit(root: string, name: string): Promise<NamedCommit> {
  return { name, id: await resolveCommit(root, name) };
}

/**
 * Runs one step that calls git. A git command that fails there becomes a
 * `UserError` naming the step, because the cause is the repository's state.
 */
async function gitStep<T>(description: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new UserError(`failed to ${description}: ${error.message}`, { cause: error });
  }
}
