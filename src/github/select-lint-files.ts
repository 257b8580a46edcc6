import { isMonitoringPath, selectCandidateFiles } from './candidate-files.js';
import type { Policy } from '../policy/types.js';
import type { RepositoryLimits } from './app-settings.js';
import type { ChangedFile } from './candidate-files.js';
import type { TreeBlob } from './repository-tree.js';

/** A monitoring file of the head commit that a review may read. */
export interface LintFile {
  path: string;
  sha: string;
  /** Size in bytes, unknown for a changed file missing from the tree listing. */
  size: number | undefined;
  /** Whether the pull request changes the file. */
  changed: boolean;
}

export interface LintFileSelection {
  /** Changed files first, then the others by path. */
  read: LintFile[];
  /** Files over the policy's `max_file_bytes`, reported instead of read. */
  tooLarge: LintFile[];
  /** Changed monitoring files GitHub gave no blob SHA for. */
  unreadable: string[];
  /** Unchanged files left out because the repository limits were reached. */
  leftOut: { files: number; bytes: number };
}

/** A file of the head commit's tree, as far as choosing files needs it. */
export type SizedBlob = Pick<TreeBlob, 'path' | 'sha' | 'size'>;

export interface SelectionInput {
  /** The files of the head commit, or undefined when the tree could not be listed. */
  tree: readonly SizedBlob[] | undefined;
  changed: readonly ChangedFile[];
  policy: Policy;
  limits: RepositoryLimits;
  maxFileBytes: number;
}

/**
 * Chooses the files a review lints: every changed monitoring file, then the
 * repository's other monitoring files in path order while they fit within
 * `limits`, because checks that compare files need them. Files over
 * `maxFileBytes` are set apart unread.
 */
export function selectLintFiles(input: SelectionInput): LintFileSelection {
  const selection: LintFileSelection = { read: [], tooLarge: [], unreadable: [], leftOut: { files: 0, bytes: 0 } };
  const sizes = new Map((input.tree ?? []).map((blob) => [blob.path, blob.size]));
  const place = (file: LintFile): void => {
    if (file.size !== undefined && file.size > input.maxFileBytes) selection.tooLarge.push(file);
    else selection.read.push(file);
  };

  const changedPaths = new Set<string>();
  for (const file of selectCandidateFiles(input.changed, input.policy)) {
    changedPaths.add(file.path);
    if (file.blobSha === null) selection.unreadable.push(file.path);
    else place({ path: file.path, sha: file.blobSha, size: sizes.get(file.path), changed: true });
  }

  let bytes = selection.read.reduce((total, file) => total + (file.size ?? 0), 0);
  const others = (input.tree ?? [])
    .filter((blob) => !changedPaths.has(blob.path) && isMonitoringPath(blob.path, input.policy))
    .sort(byPath);
  for (const blob of others) {
    const file: LintFile = { path: blob.path, sha: blob.sha, size: blob.size, changed: false };
    if (blob.size > input.maxFileBytes) {
      selection.tooLarge.push(file);
      continue;
    }
    if (selection.read.length >= input.limits.maxFiles || bytes + blob.size > input.limits.maxBytes) {
      selection.leftOut.files += 1;
      selection.leftOut.bytes += blob.size;
      continue;
    }
    selection.read.push(file);
    bytes += blob.size;
  }
  return selection;
}

/** Orders by path in code unit order, which does not depend on the locale. */
function byPath(left: SizedBlob, right: SizedBlob): number {
  if (left.path === right.path) return 0;
  return left.path < right.path ? -1 : 1;
}
