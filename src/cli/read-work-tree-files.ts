import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { describeIoError } from './collect-files.js';
import { isMonitoringCandidate } from './is-monitoring-candidate.js';
import { runGit, splitNulFields } from './run-git.js';
import type { Policy } from '../policy/types.js';

/** A file to lint: its path relative to the repository root, with `/` separators, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface WorkTreeFiles {
  files: SourceFile[];
  /** The files among them that git does not track yet, which no git diff lists. */
  untracked: string[];
}

/**
 * Reads every monitoring file of the work tree that the policy selects: the
 * files git tracks, and the untracked ones that `.gitignore` does not
 * exclude, so a new rule file counts before it is added. Tracked files
 * deleted from the work tree are skipped. So are symbolic links and
 * submodules, because git stores a link as its target path and a diff shows
 * no content for either.
 */
export async function readWorkTreeFiles(root: string, policy: Policy): Promise<WorkTreeFiles> {
  // An unmerged file is listed once per conflict stage; the set keeps one.
  const tracked = new Set(splitNulFields(await runGit(['ls-files', '-z', '--cached'], { cwd: root })));
  const untracked = splitNulFields(await runGit(['ls-files', '-z', '--others', '--exclude-standard'], { cwd: root }));

  const files: SourceFile[] = [];
  const untrackedFiles: string[] = [];
  for (const path of [...tracked, ...untracked].sort()) {
    if (!isMonitoringCandidate(path, policy)) continue;
    const absolute = join(root, path);
    if (lstatSync(absolute, { throwIfNoEntry: false })?.isFile() !== true) continue;

    files.push({ path, text: readText(absolute, path) });
    if (!tracked.has(path)) untrackedFiles.push(path);
  }
  return { files, untracked: untrackedFiles };
}

function readText(absolute: string, path: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UserError(`failed to read ${path}: ${describeIoError(error)}.`, { cause: error });
  }
}
