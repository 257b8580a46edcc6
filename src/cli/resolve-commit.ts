import { UserError } from '../errors.js';
import { GitCommandError, runGit } from './run-git.js';

/** A full or abbreviated commit id, which only a fetch can bring into a clone. */
const COMMIT_ID = /^[0-9a-f]{4,64}$/i;

/**
 * Resolves `revision` (a branch, tag, commit id or expression such as
 * `HEAD~2`) to the id of the commit it names. When the clone lacks it,
 * throws a `UserError` with the command that fetches it.
 */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  try {
    const output = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd: root });
    return output.toString('utf8').trim();
  } catch (error) {
    // `rev-parse --verify --quiet` exits with 1, printing nothing, for a name that resolves to no commit.
    if (!(error instanceof GitCommandError) || error.exitCode !== 1) throw error;
    throw new UserError(await describeUnknownRevision(root, revision), { cause: error });
  }
}

/** Builds the error message for a revision the clone lacks, with the command most likely to bring it in. */
async function describeUnknownRevision(root: string, revision: string): Promise<string> {
  const unknown = `\`${revision}\` is not a known git revision`;
  if (revision === 'HEAD') return `${unknown}, because the repository has no commit yet; commit the change first.`;

  const remotes = splitLines(await runGit(['remote'], { cwd: root }));
  const remote = remotes.find((name) => revision.startsWith(`${name}/`));
  if (remote !== undefined) return `${unknown}; fetch it first with \`git fetch ${remote} ${revision.slice(remote.length + 1)}\`.`;

  for (const name of remotes) {
    if (await isCommit(root, `${name}/${revision}`)) {
      return `${unknown}; a CI checkout often has only the remote-tracking branch, so pass \`${name}/${revision}\` instead.`;
    }
  }

  if (COMMIT_ID.test(revision)) {
    const fetchFrom = remotes[0] ?? 'origin';
    return `${unknown}; fetch the commit first with \`git fetch ${fetchFrom} ${revision}\`, or check out the full history (\`fetch-depth: 0\` in actions/checkout).`;
  }
  return `${unknown}; check the spelling, or fetch the branch or tag that holds it with \`git fetch\`.`;
}

async function isCommit(root: string, revision: string): Promise<boolean> {
  try {
    await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd: root });
    return true;
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return false;
    throw error;
  }
}

function splitLines(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
