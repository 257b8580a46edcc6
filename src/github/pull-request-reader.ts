import { readFingerprints } from './review-fingerprint.js';
import type { ProbotOctokit } from 'probot';
import type { ChangedFile } from './candidate-files.js';

/** The pull request an event is about, with the commits promgate reads. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** The number of changed files the pull request reports. */
  changedFiles: number;
}

export type PolicyFile = { kind: 'missing' } | { kind: 'found'; text: string } | { kind: 'unusable'; reason: string };

/** `pulls.listFiles` returns at most this many files, however many a pull request changes. */
export const MAX_LISTED_FILES = 3_000;

/** Blob requests in flight at once: fast on large pull requests, gentle on the rate limit. */
const BLOB_CONCURRENCY = 4;

/**
 * Reads the policy file at the base commit, never the head, so a pull request
 * cannot change the policy that judges it. A 404 means the defaults apply.
 */
export async function readPolicyFile(octokit: ProbotOctokit, target: PullRequestTarget, path: string): Promise<PolicyFile> {
  let data: Awaited<ReturnType<ProbotOctokit['rest']['repos']['getContent']>>['data'];
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner: target.owner, repo: target.repo, path, ref: target.baseSha }));
  } catch (error) {
    if (httpStatus(error) === 404) return { kind: 'missing' };
    throw error;
  }

  if (Array.isArray(data) || data.type !== 'file') {
    return { kind: 'unusable', reason: `\`${path}\` is a ${Array.isArray(data) ? 'directory' : data.type}, not a file. Replace it with a YAML policy file.` };
  }
  if (!('content' in data) || data.encoding !== 'base64') {
    // The contents API leaves `content` empty, with encoding `none`, for files over 1 MB.
    return { kind: 'unusable', reason: `\`${path}\` is too large to read (${data.size} bytes); a policy file must be under 1 MB.` };
  }
  return { kind: 'found', text: decodeBase64(data.content) };
}

/** Lists every file the pull request changes, 100 per page. */
export async function listChangedFiles(octokit: ProbotOctokit, target: PullRequestTarget): Promise<ChangedFile[]> {
  const entries = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: 100,
  });
  return entries.map((entry) => ({
    path: entry.filename,
    status: entry.status,
    blobSha: entry.sha,
    patch: entry.patch,
    previousPath: entry.previous_filename,
  }));
}

/**
 * Reads the files at the head commit through the git blobs API, by the blob
 * SHA `pulls.listFiles` gave. Unlike the contents API it needs no path
 * escaping and serves files over 1 MB. Files without a blob SHA are returned
 * as unreadable.
 */
export async function readChangedFiles(
  octokit: ProbotOctokit,
  target: PullRequestTarget,
  files: readonly ChangedFile[],
): Promise<{ files: { path: string; text: string }[]; unreadable: string[] }> {
  const readable = files.filter((file): file is ChangedFile & { blobSha: string } => file.blobSha !== null);
  const unreadable = files.filter((file) => file.blobSha === null).map((file) => file.path);
  const texts = await mapConcurrently(readable, BLOB_CONCURRENCY, async (file) => {
    const { data } = await octokit.rest.git.getBlob({ owner: target.owner, repo: target.repo, file_sha: file.blobSha });
    return { path: file.path, text: data.encoding === 'base64' ? decodeBase64(data.content) : data.content };
  });
  return { files: texts, unreadable };
}

/** Returns the fingerprints of the review comments promgate already posted on the pull request. */
export async function listPostedFingerprints(octokit: ProbotOctokit, target: PullRequestTarget): Promise<Set<string>> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: 100,
  });
  return readFingerprints(comments.map((comment) => comment.body));
}

/** Returns the HTTP status of an Octokit request error, or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

function decodeBase64(content: string): string {
  return Buffer.from(content, 'base64').toString('utf8');
}

/** Maps items with at most `limit` calls pending, keeping the order of the results. */
async function mapConcurrently<Item, Result>(items: readonly Item[], limit: number, map: (item: Item) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = new Array<Result>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await map(items[index] as Item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
