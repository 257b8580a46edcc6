import { repositoryOf } from './pull-request-target.js';
import type { ProbotOctokit } from 'probot';
import type { ChangedFile } from './candidate-files.js';
import type { PullRequestTarget } from './pull-request-target.js';

export type PolicyFile = { kind: 'missing' } | { kind: 'found'; text: string } | { kind: 'unusable'; reason: string };

/** `pulls.listFiles` returns at most this many files, however many a pull request changes. */
export const MAX_LISTED_FILES = 3_000;

/**
 * Reads the policy file at the base commit, never the head, so a pull request
 * cannot change the policy that judges it. A 404 means the defaults apply.
 */
export async function readPolicyFile(octokit: ProbotOctokit, target: PullRequestTarget, path: string): Promise<PolicyFile> {
  let data: Awaited<ReturnType<ProbotOctokit['rest']['repos']['getContent']>>['data'];
  try {
    ({ data } = await octokit.rest.repos.getContent({ ...repositoryOf(target), path, ref: target.baseSha }));
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
  return { kind: 'found', text: Buffer.from(data.content, 'base64').toString('utf8') };
}

/** Lists the files the pull request changes, 100 per page, up to GitHub's cap of `MAX_LISTED_FILES`. */
export async function listChangedFiles(octokit: ProbotOctokit, target: PullRequestTarget): Promise<ChangedFile[]> {
  const entries = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repositoryOf(target), pull_number: target.number, per_page: 100 });
  return entries.map((entry) => ({
    path: entry.filename,
    status: entry.status,
    blobSha: entry.sha,
    patch: entry.patch,
    previousPath: entry.previous_filename,
    additions: entry.additions,
    deletions: entry.deletions,
  }));
}

/** Returns the HTTP status of an Octokit request error, or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}
