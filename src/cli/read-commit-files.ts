import { InternalError } from '../errors.js';
import { isMonitoringCandidate } from './is-monitoring-candidate.js';
import { runGit, splitNulFields } from './run-git.js';
import type { Policy } from '../policy/types.js';
import type { SourceFile } from './read-work-tree-files.js';

/** The modes of regular files in a git tree; links (120000) and submodules (160000) are skipped. */
const FILE_MODES = new Set(['100644', '100755']);

/**
 * Reads every monitoring file that the policy selects as it is in `commit`,
 * with one `git ls-tree` to list them and one `git cat-file --batch` to read
 * them all.
 */
export async function readCommitFiles(root: string, commit: string, policy: Policy): Promise<SourceFile[]> {
  const blobs: { path: string; id: string }[] = [];
  for (const entry of splitNulFields(await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: root }))) {
    // An entry reads `<mode> SP <type> SP <object id> TAB <path>`.
    const tab = entry.indexOf('\t');
    const [mode = '', type = '', id = ''] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (type === 'blob' && FILE_MODES.has(mode) && isMonitoringCandidate(path, policy)) blobs.push({ path, id });
  }
  if (blobs.length === 0) return [];

  const output = await runGit(['cat-file', '--batch'], { cwd: root, input: `${blobs.map((blob) => blob.id).join('\n')}\n` });
  return readBatch(output, blobs);
}

/** Reads `git cat-file --batch` output: per object, `<id> SP <type> SP <size> LF`, the content and LF. */
function readBatch(output: Buffer, blobs: readonly { path: string; id: string }[]): SourceFile[] {
  const files: SourceFile[] = [];
  let position = 0;
  for (const blob of blobs) {
    const headerEnd = output.indexOf(0x0a, position);
    const header = output.subarray(position, headerEnd).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (headerEnd === -1 || header[0] !== blob.id || !Number.isSafeInteger(size)) {
      throw new InternalError(`failed to read ${blob.path} from git cat-file --batch: expected the header of ${blob.id}, got ${JSON.stringify(header.join(' '))}.`);
    }
    const start = headerEnd + 1;
    files.push({ path: blob.path, text: output.subarray(start, start + size).toString('utf8') });
    position = start + size + 1;
  }
  return files;
}
