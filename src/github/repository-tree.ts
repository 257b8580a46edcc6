import type { ProbotOctokit } from 'probot';
import type { RepositoryRef } from './pull-request-target.js';

/** A file of the repository at the head commit, as the git trees API lists it. */
export interface TreeBlob {
  path: string;
  sha: string;
  /** Size in bytes. */
  size: number;
  /** Git's file mode, `100644` for a regular file or `100755` for an executable one. */
  mode: string;
}

export interface RepositoryTree {
  blobs: TreeBlob[];
  /** False when the request budget ran out before every directory was listed. */
  complete: boolean;
  /** Tree requests sent. */
  requests: number;
}

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string;
  size?: number;
}

/** Git's mode for a symbolic link, whose blob is the link target rather than file contents. */
const SYMLINK_MODE = '120000';

/**
 * Lists every file of the commit `treeSha`. GitHub cuts a recursive listing
 * at 100,000 entries or 7 MB and marks it `truncated`. The files are then
 * listed one directory level at a time, each subdirectory recursively, with
 * at most `maxRequests` requests in all.
 */
export async function readRepositoryTree(octokit: ProbotOctokit, repository: RepositoryRef, treeSha: string, maxRequests: number): Promise<RepositoryTree> {
  let requests = 0;
  const getTree = async (sha: string, recursive: boolean): Promise<{ entries: TreeEntry[]; truncated: boolean }> => {
    requests += 1;
    const { data } = await octokit.rest.git.getTree({ ...repository, tree_sha: sha, ...(recursive ? { recursive: '1' } : {}) });
    return { entries: data.tree, truncated: data.truncated };
  };

  const whole = await getTree(treeSha, true);
  if (!whole.truncated) return { blobs: blobsOf(whole.entries, ''), complete: true, requests };

  const blobs: TreeBlob[] = [];
  const levels: { sha: string; prefix: string }[] = [{ sha: treeSha, prefix: '' }];
  for (let level = levels.shift(); level !== undefined; level = levels.shift()) {
    if (requests >= maxRequests) return { blobs, complete: false, requests };
    const { entries } = await getTree(level.sha, false);
    blobs.push(...blobsOf(entries, level.prefix));

    for (const entry of entries) {
      if (entry.type !== 'tree' || entry.sha === undefined || entry.path === undefined) continue;
      const prefix = `${level.prefix}${entry.path}/`;
      if (requests >= maxRequests) return { blobs, complete: false, requests };
      const subtree = await getTree(entry.sha, true);
      if (subtree.truncated) levels.push({ sha: entry.sha, prefix });
      else blobs.push(...blobsOf(subtree.entries, prefix));
    }
  }
  return { blobs, complete: true, requests };
}

function blobsOf(entries: readonly TreeEntry[], prefix: string): TreeBlob[] {
  const blobs: TreeBlob[] = [];
  for (const entry of entries) {
    if (entry.type !== 'blob' || entry.mode === SYMLINK_MODE || entry.path === undefined || entry.sha === undefined) continue;
    blobs.push({ path: `${prefix}${entry.path}`, sha: entry.sha, size: entry.size ?? 0, mode: entry.mode ?? '100644' });
  }
  return blobs;
}
