import { execFile } from 'node:child_process';
import { UserError } from '../errors.js';

/**
 * The largest output read from one git command. Diffs are limited to
 * monitoring files and file contents are read per commit, so only a
 * repository with hundreds of megabytes of rules comes near it.
 */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** A git command that ran and failed, with the exit code and what it printed to standard error. */
export class GitCommandError extends Error {
  readonly args: readonly string[];
  readonly exitCode: number | undefined;
  readonly stderr: string;

  constructor(args: readonly string[], exitCode: number | undefined, stderr: string, cause: unknown) {
    const status = exitCode === undefined ? 'failed' : `exited with code ${exitCode}`;
    super(`\`git ${args.join(' ')}\` ${status}${stderr === '' ? '' : `: ${stderr}`}`, { cause });
    this.name = 'GitCommandError';
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

export interface GitOptions {
  /** The directory git runs in; promgate passes the repository root, so paths are relative to it. */
  cwd: string;
  /** Bytes written to git's standard input, for commands such as `git cat-file --batch`. */
  input?: string;
}

/**
 * Runs `git` with an argument list, never through a shell, so refs and paths
 * reach git exactly as given. Returns standard output as bytes, because file
 * names and contents need not be UTF-8. Throws a `GitCommandError` when git
 * exits with an error, and a `UserError` when git cannot be started.
 */
export function runGit(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // git reads the real process environment: it needs PATH, HOME and any GIT_* variables the caller set.
    const child = execFile('git', [...args], { cwd: options.cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, env: process.env }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout);
        return;
      }
      // Node types `code` as the exit code, but a failed start sets it to an errno string.
      const code: unknown = error.code;
      if (code === 'ENOENT') {
        reject(new UserError('failed to run git: no `git` program on PATH; `promgate ci` reads the change with git, so install git or add it to PATH.', { cause: error }));
        return;
      }
      const exitCode = typeof code === 'number' ? code : undefined;
      const detail = stderr.toString('utf8').trim();
      reject(new GitCommandError(args, exitCode, detail === '' && exitCode === undefined ? error.message : detail, error));
    });
    // A git command that fails before reading all its input closes the pipe; its exit code reports the failure.
    child.stdin?.on('error', () => undefined);
    if (options.input === undefined) child.stdin?.end();
    else child.stdin?.end(options.input);
  });
}

/** Splits git's `-z` output into its NUL-terminated fields, decoded as UTF-8. */
export function splitNulFields(output: Buffer): string[] {
  const fields = output.toString('utf8').split('\0');
  // The last field is terminated too, which leaves an empty string after it.
  if (fields.at(-1) === '') fields.pop();
  return fields;
}
