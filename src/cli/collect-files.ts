import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isExcludedByPolicy, matchesPolicyGlobs } from '../policy/policy-globs.js';
import type { Dirent } from 'node:fs';
import type { Policy } from '../policy/types.js';

/** File name endings that can hold Prometheus rules or configuration. */
export const MONITORING_EXTENSIONS = ['.yml', '.yaml', '.rules'] as const;

/** Folders never searched: Git's own data and installed packages. Hidden folders are skipped too. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Converts a path relative to some directory to the `/`-separated form globs and output use. */
export function toPosixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Adds a file named on the command line to `files` (absolute path to path
 * relative to `root`), unless an `exclude` glob matches it. Its extension and
 * the `include` globs do not matter, because the user asked for it.
 */
export function addExplicitFile(file: string, root: string, policy: Policy, files: Map<string, string>): void {
  const relativePath = toPosixPath(relative(root, file));
  if (!isExcludedByPolicy(policy, relativePath)) files.set(file, relativePath);
}

/**
 * Adds every monitoring file below `directory` that the policy's globs
 * select. Skips `.git`, `node_modules` and hidden folders below `directory`,
 * and does not follow links to folders, which could form cycles.
 */
export function addDirectoryFiles(directory: string, root: string, policy: Policy, files: Map<string, string>, problems: string[]): void {
  for (const entry of readDirectory(directory, problems)) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) addDirectoryFiles(path, root, policy, files, problems);
      continue;
    }
    if (!MONITORING_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) continue;
    if (!entry.isFile() && !(entry.isSymbolicLink() && isFileTarget(path, problems))) continue;

    const relativePath = toPosixPath(relative(root, path));
    if (matchesPolicyGlobs(policy, relativePath)) files.set(path, relativePath);
  }
}

/** Lists a folder; an unreadable one is recorded in `problems` and skipped, so the other files are still linted. */
function readDirectory(directory: string, problems: string[]): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).sort(compareNames);
  } catch (error) {
    problems.push(`failed to read the folder ${directory}: ${describeIoError(error)}.`);
    return [];
  }
}

/** Orders entries by code unit, the same order on every platform and locale. */
function compareNames(left: Dirent, right: Dirent): number {
  if (left.name === right.name) return 0;
  return left.name < right.name ? -1 : 1;
}

/** Returns whether a link points at a regular file; a broken link or a link loop is recorded in `problems` and skipped. */
function isFileTarget(path: string, problems: string[]): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch (error) {
    problems.push(`failed to read ${path}: ${describeIoError(error)}.`);
    return false;
  }
}

/** Describes a Node.js file system error by its code, such as `permission denied (EACCES)`. */
export function describeIoError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links, probably a link loop',
    EMFILE: 'too many open files',
  };
  if (code !== undefined && words[code] !== undefined) return `${words[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
