import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { toPosixPath } from './collect-files.js';
import { isInside } from './find-repository.js';
import { GitCommandError, runGit } from './run-git.js';
import type { NamedCommit } from './find-merge-base.js';

/**
 * Turns the PATH arguments of `promgate ci` into a test on paths relative to
 * the repository root: whether a file lies at or below one of them. Without
 * PATH, every file is in scope. Each PATH must exist in the work tree, or in
 * `head` when a commit is linted.
 */
export async function resolvePathScope(paths: readonly string[], cwd: string, root: string, head: NamedCommit | undefined): Promise<(path: string) => boolean> {
  if (paths.length === 0) return () => true;

  const prefixes: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!isInside(root, absolute)) {
      throw new UserError(`${path} is outside the repository ${root}; promgate ci reports only on the repository it runs in.`);
    }
    const relativePath = toPosixPath(relative(root, absolute));
    if (head === undefined && !existsSync(absolute)) {
      throw new UserError(`path not found: ${path}; check the spelling, or run promgate from the folder the path is relative to.`);
    }
    if (head !== undefined && !(await existsInCommit(root, head.id, relativePath))) {
      throw new UserError(`path not found in \`${head.name}\`: ${path}; name a file or folder that exists in that commit.`);
    }
    prefixes.push(relativePath);
  }
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

async function existsInCommit(root: string, commit: string, path: string): Promise<boolean> {
  try {
    await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}:${path}`], { cwd: root });
    return true;
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return false;
    throw error;
  }
}
