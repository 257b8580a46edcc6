import { UserError } from '../errors.js';
import { GitCommandError, runGit } from './run-git.js';

/** A commit given on the command line: what the user wrote and the commit id it resolved to. */
export interface NamedCommit {
  name: string;
  id: string;
}

/**
 * Finds the commit where `head` branched off `base`, the point GitHub's pull
 * request diff starts from, so commits merged into `base` since then do not
 * count as part of the change. Throws a `UserError` when the two share no
 * history, which in a shallow clone means the history is cut off.
 */
export async function findMergeBase(root: string, base: NamedCommit, head: NamedCommit): Promise<string> {
  try {
    const output = await runGit(['merge-base', base.id, head.id], { cwd: root });
    return output.toString('utf8').trim();
  } catch (error) {
    // `git merge-base` exits with 1, printing nothing, when the commits have no common ancestor.
    if (!(error instanceof GitCommandError) || error.exitCode !== 1) throw error;
    const shallow = (await runGit(['rev-parse', '--is-shallow-repository'], { cwd: root })).toString('utf8').trim() === 'true';
    const pair = `\`${base.name}\` and \`${head.name}\` have no common ancestor`;
    if (shallow) {
      throw new UserError(`${pair} in this shallow clone; fetch the full history with \`git fetch --unshallow\`, or check out with \`fetch-depth: 0\` in actions/checkout.`, { cause: error });
    }
    throw new UserError(`${pair}; pass as --base the branch or commit that ${head.name} was branched from.`, { cause: error });
  }
}
