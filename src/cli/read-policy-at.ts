import { UserError } from '../errors.js';
import { runGit, splitNulFields } from './run-git.js';
import type { NamedCommit } from './find-merge-base.js';

/** The path of a repository's policy as git names it: relative to the root, with `/` separators. */
export const POLICY_GIT_PATH = '.github/promgate.yml';

/** The mode git gives a regular file; 100755 is an executable one. */
const FILE_MODES = new Set(['100644', '100755']);

/**
 * Reads `.github/promgate.yml` as it is in `commit`, or returns undefined
 * when the commit has no such file. Reading it from the commit rather than
 * the work tree keeps a change from loosening the policy it is judged by.
 */
export async function readPolicyAt(root: string, commit: NamedCommit): Promise<string | undefined> {
  const listing = splitNulFields(await runGit(['ls-tree', '-z', '--full-tree', commit.id, '--', POLICY_GIT_PATH], { cwd: root }));
  const entry = listing[0];
  if (entry === undefined) return undefined;

  // An entry reads `<mode> SP <type> SP <object id> TAB <path>`.
  const [mode = '', type = '', id = ''] = entry.slice(0, entry.indexOf('\t')).split(' ');
  if (type !== 'blob' || !FILE_MODES.has(mode)) {
    const kind = mode === '120000' ? 'a symbolic link' : `a ${type}`;
    throw new UserError(`${POLICY_GIT_PATH} at \`${commit.name}\` is ${kind}, not a file; commit the policy itself at that path, or pass --policy FILE.`);
  }
  return (await runGit(['cat-file', 'blob', id], { cwd: root })).toString('utf8');
}
