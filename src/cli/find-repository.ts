import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import { describeIoError } from './collect-files.js';

/** The path of a repository's policy, relative to its root. */
export const POLICY_FILE = join('.github', 'promgate.yml');

/** The repository a linted path belongs to, and its policy file if it has one. */
export interface RepositoryLocation {
  /** The directory that policy globs and the paths given to `lint()` are relative to. */
  root: string;
  policyFile: string | undefined;
}

/**
 * Walks up from `directory` to the first directory holding
 * `.github/promgate.yml`, and returns it with that policy. The walk stops at
 * the top of a Git repository (a directory holding `.git`), whose directory
 * becomes the root. Outside any repository the root is `cwd` when it contains
 * `directory`, else `directory` itself.
 */
export function findRepository(directory: string, cwd: string): RepositoryLocation {
  for (let current = directory; ; current = dirname(current)) {
    const policyFile = join(current, POLICY_FILE);
    if (isFile(policyFile)) return { root: current, policyFile };
    if (existsSync(join(current, '.git'))) return { root: current, policyFile: undefined };
    if (dirname(current) === current) break;
  }
  return { root: fallbackRoot(directory, cwd), policyFile: undefined };
}

/**
 * Finds the root for a policy named with `--policy`: the directory above
 * `.github/` when the file is a repository's `.github/promgate.yml` holding
 * `directory`, else the Git repository's top, else the fallback root.
 */
export function findRootForPolicy(directory: string, policyFile: string, cwd: string): string {
  const policyDirectory = dirname(policyFile);
  if (basename(policyDirectory) === '.github') {
    const root = dirname(policyDirectory);
    if (isInside(root, directory)) return root;
  }
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) break;
  }
  return fallbackRoot(directory, cwd);
}

/** Returns whether `path` is `directory` or lies below it. */
export function isInside(directory: string, path: string): boolean {
  const relativePath = relative(directory, path);
  return relativePath !== '..' && !relativePath.startsWith(`..${sep}`) && !isAbsolute(relativePath);
}

function fallbackRoot(directory: string, cwd: string): string {
  return isInside(cwd, directory) ? cwd : directory;
}

/**
 * Returns whether a policy file exists at `path`. Something there that
 * cannot be read, or a folder in its place, is the user's to fix, so it is
 * an error rather than a silent fall back to the default policy.
 */
function isFile(path: string): boolean {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new UserError(`failed to read the policy ${path}: ${describeIoError(error)}.`, { cause: error });
  }
  if (stats === undefined) return false;
  if (!stats.isFile()) throw new UserError(`the policy ${path} is not a file; promgate reads its policy from a file named .github/promgate.yml.`);
  return true;
}
