import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTempTree } from './temp-tree.js';

/** A temporary git repository for a test, removed after it like every temporary tree. */
export interface GitRepo {
  root: string;
  /** Runs git in the repository and returns its standard output. */
  git(...args: string[]): string;
  /** Writes files (relative path to content; null deletes), stages everything and commits. */
  commit(message: string, files?: Record<string, string | null>): void;
  /** Writes files without staging them; null deletes. */
  write(files: Record<string, string | null>): void;
}

/**
 * Creates a repository on branch `main` with one commit of `files`. Commits
 * name their author with `-c`, so the tests need no git identity, and
 * signing is switched off in case the user's configuration turns it on.
 */
export function createGitRepo(files: Record<string, string>): GitRepo {
  const root = createTempTree({});
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=promgate tests', '-c', 'user.email=tests@promgate.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const write = (changes: Record<string, string | null>): void => {
    for (const [path, content] of Object.entries(changes)) {
      const target = join(root, path);
      if (content === null) {
        rmSync(target);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  };
  const commit = (message: string, changes: Record<string, string | null> = {}): void => {
    write(changes);
    git('add', '--all');
    git('commit', '--quiet', '--allow-empty', '-m', message);
  };

  git('init', '--quiet', '--initial-branch=main');
  commit('Add the monitoring files', files);
  return { root, git, commit, write };
}
