import type { ProbotOctokit } from 'probot';
import type { RepositoryRef } from './pull-request-target.js';

/**
 * File contents by git blob SHA, least recently used first out. A blob SHA
 * names its contents, so an entry never goes stale, and a new push to a pull
 * request reads only the files it changed.
 */
export class BlobCache {
  private readonly texts = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(sha: string): string | undefined {
    const text = this.texts.get(sha);
    if (text === undefined) return undefined;
    // Re-inserting moves the entry to the end, the most recently used.
    this.texts.delete(sha);
    this.texts.set(sha, text);
    return text;
  }

  set(sha: string, text: string): void {
    const size = Buffer.byteLength(text);
    if (size > this.maxBytes || this.texts.has(sha)) return;
    this.texts.set(sha, text);
    this.bytes += size;
    for (const [oldest, oldText] of this.texts) {
      if (this.bytes <= this.maxBytes) break;
      this.texts.delete(oldest);
      this.bytes -= Buffer.byteLength(oldText);
    }
  }
}

export interface BlobRequest {
  path: string;
  sha: string;
}

export interface ReadBlobs {
  files: { path: string; text: string }[];
  /** Files whose blob GitHub did not return, after the client's retries. */
  failed: { path: string; error: unknown }[];
}

/** Blob requests in flight at once, below the 10 that the throttling plugin (v11) lets through at a time anyway. */
const BLOB_CONCURRENCY = 8;

/**
 * Reads files through the git blobs API, which needs no path escaping and,
 * unlike the contents API, serves files over 1 MB. A file whose request fails
 * is returned in `failed`, so one unreadable file does not stop the review.
 */
export async function readBlobs(octokit: ProbotOctokit, repository: RepositoryRef, requests: readonly BlobRequest[], cache: BlobCache): Promise<ReadBlobs> {
  const results = await mapConcurrently(requests, BLOB_CONCURRENCY, async (request): Promise<{ path: string; text?: string; error?: unknown }> => {
    const cached = cache.get(request.sha);
    if (cached !== undefined) return { path: request.path, text: cached };
    try {
      const { data } = await octokit.rest.git.getBlob({ ...repository, file_sha: request.sha });
      const text = data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
      cache.set(request.sha, text);
      return { path: request.path, text };
    } catch (error) {
      return { path: request.path, error };
    }
  });

  const read: ReadBlobs = { files: [], failed: [] };
  for (const result of results) {
    if (result.text !== undefined) read.files.push({ path: result.path, text: result.text });
    else read.failed.push({ path: result.path, error: result.error });
  }
  return read;
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
