import { UserError } from '../errors.js';
import { GitCommandError, runGit } from './run-git.js';

/** Returns the top folder of the git work tree that contains `cwd`. Throws a `UserError` outside a work tree. */
export async function findGitRoot(cwd: string): Promise<string> {
  try {
    const output = await runGit(['rev-parse', '--show-toplevel'], { cwd });
    return output.toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new UserError(`${cwd} is not inside a git work tree (${error.stderr || error.message}); run \`promgate ci\` in a clone of the repository.`, { cause: error });
  }
}
