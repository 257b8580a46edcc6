import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CHECKS } from '../checks/registry.js';
import { UserError } from '../errors.js';
import { compareFindings, severityRank } from '../finding.js';
import { lint } from '../lint.js';
import { addDirectoryFiles, addExplicitFile, describeIoError } from './collect-files.js';
import { findRepository, findRootForPolicy } from './find-repository.js';
import { formatReport } from './format-report.js';
import { LINT_HELP } from './help-text.js';
import { loadPolicyFile } from './load-policy-file.js';
import { parseLintArgs } from './parse-lint-args.js';
import { displayPath, reportedFindingMapper } from './to-reported-finding.js';
import type { Finding, Severity } from '../finding.js';
import type { Policy } from '../policy/types.js';
import type { Report } from '../report/report.js';
import type { CliIo } from './cli-io.js';
import type { LintArgs } from './parse-lint-args.js';
import type { RepositoryLocation } from './find-repository.js';

/** Files that share a repository root and a policy, linted in one `lint()` call. */
interface LintGroup {
  root: string;
  policy: Policy;
  /** Absolute path to the path relative to `root`. */
  files: Map<string, string>;
}

/**
 * Runs `promgate lint`: collects the files, lints them under their
 * repository's policy, prints the report and returns the exit code, 1 when
 * a finding reaches the policy's `fail_on` severity and 0 otherwise.
 */
export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseLintArgs(argv);
  if (args.help) {
    io.stdout.write(LINT_HELP);
    return 0;
  }

  // Files and folders that cannot be read are reported after the findings of every other file, and make the exit code 2.
  const ioProblems: string[] = [];
  const groups = collectGroups(args, io.cwd, ioProblems);
  const report: Report = { findings: [], summary: { files: 0, rules: 0, findings: 0 } };
  const findings: Finding[] = [];
  const linted = new Set<string>();
  let failed = false;

  for (const group of groups) {
    // A file reached from two PATH arguments with different roots is linted once, under the first.
    const inputs = [...group.files].filter(([file]) => !linted.has(file));
    for (const [file] of inputs) linted.add(file);
    if (inputs.length === 0) continue;

    const readable = inputs.flatMap(([file, path]) => {
      const text = readInput(file, io.cwd, ioProblems);
      return text === undefined ? [] : [{ path, text }];
    });
    const result = lint({ files: readable, policy: group.policy });
    report.summary.files += result.summary.files;
    report.summary.rules += result.summary.rules;
    const toReported = reportedFindingMapper(group.root, io.cwd);
    for (const finding of result.findings) {
      findings.push(toReported(finding));
      if (severityRank(finding.severity) >= severityRank(group.policy.failOn)) failed = true;
    }
  }

  findings.sort(compareFindings);
  report.findings = findings;
  report.summary.findings = findings.length;
  if (linted.size === 0) {
    io.stderr.write('promgate: no files to lint; promgate reads .yml, .yaml and .rules files that the policy includes and does not exclude.\n');
  }
  io.stdout.write(formatReport(report, args.format, io));
  for (const problem of ioProblems) io.stderr.write(`promgate: ${problem}\n`);
  if (ioProblems.length > 0) return 2;
  return failed ? 1 : 0;
}

/** Resolves each PATH argument, finds its repository and policy, and lists the files to lint. */
function collectGroups(args: LintArgs, cwd: string, ioProblems: string[]): LintGroup[] {
  const explicitPolicy = args.policy === undefined ? undefined : resolve(cwd, args.policy);
  const policies = new Map<string, Policy>();
  const groups = new Map<string, LintGroup>();

  for (const path of args.paths) {
    const absolute = resolve(cwd, path);
    const kind = statInput(absolute, path);
    if (kind === 'other') {
      ioProblems.push(`${path} is neither a file nor a folder, such as a pipe or a device; promgate reads only regular files.`);
      continue;
    }
    const isDirectory = kind === 'directory';
    const directory = isDirectory ? absolute : dirname(absolute);
    const location: RepositoryLocation =
      explicitPolicy === undefined ? findRepository(directory, cwd) : { root: findRootForPolicy(directory, explicitPolicy, cwd), policyFile: explicitPolicy };

    const policyKey = location.policyFile ?? '';
    let policy = policies.get(policyKey);
    if (policy === undefined) {
      policy = loadPolicyFile(location.policyFile, explicitPolicy !== undefined, args.failOn, cwd, explicitPolicy === undefined ? undefined : args.policy);
      policies.set(policyKey, policy);
    }

    const groupKey = `${location.root}\u0000${policyKey}`;
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { root: location.root, policy, files: new Map() };
      groups.set(groupKey, group);
    }
    if (isDirectory) addDirectoryFiles(absolute, group.root, policy, group.files, ioProblems);
    else addExplicitFile(absolute, group.root, policy, group.files);
  }
  return [...groups.values()];
}

/** Returns what a PATH argument is. Throws a `UserError` when it does not exist or cannot be read. */
function statInput(absolute: string, argument: string): 'file' | 'directory' | 'other' {
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
      throw new UserError(`path not found: ${argument}; check the spelling, or run promgate from the folder the path is relative to.`, { cause: error });
    }
    throw new UserError(`failed to read ${argument}: ${describeIoError(error)}.`, { cause: error });
  }
  return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
}

/** Reads a file; one that cannot be read is recorded in `problems` so the other files are still linted. */
function readInput(file: string, cwd: string, problems: string[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`failed to read ${displayPath(file, cwd)}: ${describeIoError(error)}.`);
    return undefined;
  }
}
