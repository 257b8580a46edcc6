import { httpStatus } from './pull-request-reader.js';
import type { ProbotOctokit } from 'probot';
import type { RegeneratedFile } from '../slo/plan-regeneration.js';
import type { RepositoryRef } from './pull-request-target.js';
import type { TreeBlob } from './repository-tree.js';

/** Statuses with which GitHub rejects a push promgate may not or cannot make, so the user gets the patch instead. */
const REJECTED_STATUSES: ReadonlySet<number> = new Set([403, 404, 422]);

export interface PushRequest {
  /** The repository of the pull request's head branch, a fork or the base repository. */
  repository: RepositoryRef;
  branch: string;
  /** The commit the files were read at; the new commit's only parent. */
  headSha: string;
  files: readonly RegeneratedFile[];
  /** The head commit's files, for the mode each rewritten file keeps. */
  tree: ReadonlyMap<string, TreeBlob>;
  message: string;
}

export type PushResult = { kind: 'pushed'; commitSha: string } | { kind: 'rejected'; status: number; reason: string };

/**
 * Pushes the regenerated files to the branch as one commit through the Git
 * Data API. It creates a blob per file, a tree on the head commit's tree and
 * a commit whose parent is the head commit, then moves the branch to it
 * without force. A push since the files were read makes that last step fail
 * with 422, so nothing is overwritten. A 403, 404 or 422 on any step returns
 * `rejected`, and other errors are thrown.
 */
export async function pushRegeneratedFiles(octokit: ProbotOctokit, request: PushRequest): Promise<PushResult> {
  const { repository } = request;
  try {
    const { data: head } = await octokit.rest.git.getCommit({ ...repository, commit_sha: request.headSha });

    const entries: { path: string; mode: '100644' | '100755'; type: 'blob'; sha: string }[] = [];
    for (const file of request.files) {
      const { data: blob } = await octokit.rest.git.createBlob({ ...repository, content: file.text, encoding: 'utf-8' });
      // An executable file stays executable; anything else, a new file included, is a regular file.
      const mode = request.tree.get(file.path)?.mode === '100755' ? '100755' : '100644';
      entries.push({ path: file.path, mode, type: 'blob', sha: blob.sha });
    }

    const { data: tree } = await octokit.rest.git.createTree({ ...repository, base_tree: head.tree.sha, tree: entries });
    const { data: commit } = await octokit.rest.git.createCommit({ ...repository, message: request.message, tree: tree.sha, parents: [request.headSha] });
    await octokit.rest.git.updateRef({ ...repository, ref: `heads/${request.branch}`, sha: commit.sha, force: false });
    return { kind: 'pushed', commitSha: commit.sha };
  } catch (error) {
    const status = httpStatus(error);
    if (status === undefined || !REJECTED_STATUSES.has(status)) throw error;
    return { kind: 'rejected', status, reason: error instanceof Error ? error.message : String(error) };
  }
}
