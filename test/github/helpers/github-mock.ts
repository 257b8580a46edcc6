import { createHash } from 'node:crypto';
import nock from 'nock';
import { requestBodyErrors } from './openapi-bodies.js';

/** The repository, pull request and installation of the payload fixtures. */
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const PULL_NUMBER = 2;
export const INSTALLATION_ID = 1;
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const CHECK_RUN_ID = 4242;
/** The installation token the mock hands out; no log line may contain it. */
export const INSTALLATION_TOKEN = 'ghs_promgateTestInstallationToken0001';

const REPOSITORY_PATH = `/repos/${OWNER}/${REPO}`;

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  body: unknown;
}

/** A changed file as the test describes it; the mock fills in the rest of GitHub's diff entry. */
export interface ListedFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  /** The file at the head commit; absent for removed files. */
  text?: string;
  patch?: string;
  previous_filename?: string;
  /** Overrides the blob SHA computed from `text`, for example with null. */
  sha?: string | null;
}

/**
 * Mocks api.github.com with nock, one interceptor per expected request.
 * Records every request in order and validates every body the App sends
 * against GitHub's OpenAPI description.
 */
export class GitHubMock {
  readonly requests: RecordedRequest[] = [];
  readonly bodyErrors: string[] = [];
  private readonly scope = nock('https://api.github.com');

  installationToken(): this {
    return this.intercept('POST', `/app/installations/${INSTALLATION_ID}/access_tokens`, 201, {
      token: INSTALLATION_TOKEN,
      expires_at: '2099-01-01T00:00:00Z',
      permissions: { checks: 'write', pull_requests: 'write', contents: 'read', metadata: 'read' },
      repository_selection: 'all',
    });
  }

  createCheckRun(): this {
    return this.intercept('POST', `${REPOSITORY_PATH}/check-runs`, 201, { id: CHECK_RUN_ID, name: 'promgate', head_sha: HEAD_SHA }, 'checks/create');
  }

  updateCheckRun(times = 1): this {
    for (let index = 0; index < times; index += 1) {
      this.intercept('PATCH', `${REPOSITORY_PATH}/check-runs/${CHECK_RUN_ID}`, 200, { id: CHECK_RUN_ID, name: 'promgate' }, 'checks/update');
    }
    return this;
  }

  /** Serves `.github/promgate.yml` at `ref`, or a 404 when `text` is undefined. */
  policyFile(ref: string, text: string | undefined): this {
    const path = `${REPOSITORY_PATH}/contents/.github%2Fpromgate.yml?ref=${ref}`;
    if (text === undefined) return this.intercept('GET', path, 404, { message: 'Not Found', status: '404' });
    return this.intercept('GET', path, 200, {
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(text),
      name: 'promgate.yml',
      path: '.github/promgate.yml',
      sha: blobSha(text),
      content: base64Lines(text),
    });
  }

  /** Serves a directory listing where the policy file should be. */
  policyDirectory(ref: string): this {
    return this.intercept('GET', `${REPOSITORY_PATH}/contents/.github%2Fpromgate.yml?ref=${ref}`, 200, [
      { type: 'file', name: 'a.yml', path: '.github/promgate.yml/a.yml', sha: blobSha(''), size: 0 },
    ]);
  }

  /** Serves the pull request's files 100 per page, linking pages the way GitHub does. */
  pullRequestFiles(files: readonly ListedFile[]): this {
    const pages = Math.max(1, Math.ceil(files.length / 100));
    for (let page = 1; page <= pages; page += 1) {
      const query = page === 1 ? 'per_page=100' : `per_page=100&page=${page}`;
      const headers: Record<string, string> = {};
      if (page < pages) headers.link = `<https://api.github.com${REPOSITORY_PATH}/pulls/${PULL_NUMBER}/files?per_page=100&page=${page + 1}>; rel="next"`;
      const entries = files.slice((page - 1) * 100, page * 100).map(diffEntry);
      this.intercept('GET', `${REPOSITORY_PATH}/pulls/${PULL_NUMBER}/files?${query}`, 200, entries, undefined, headers);
    }
    return this;
  }

  /** Serves the blob of each file that has text, as base64 like GitHub. */
  blobs(files: readonly ListedFile[]): this {
    for (const file of files) {
      if (file.text === undefined) continue;
      const sha = file.sha ?? blobSha(file.text);
      this.intercept('GET', `${REPOSITORY_PATH}/git/blobs/${sha}`, 200, {
        sha,
        size: Buffer.byteLength(file.text),
        encoding: 'base64',
        content: base64Lines(file.text),
      });
    }
    return this;
  }

  blobFailure(sha: string, status: number): this {
    return this.intercept('GET', `${REPOSITORY_PATH}/git/blobs/${sha}`, status, { message: 'Server Error' });
  }

  /** Serves the review comments already on the pull request. */
  reviewComments(bodies: readonly string[]): this {
    const comments = bodies.map((body, index) => ({ id: 9000 + index, body, path: 'rules/api.yml', line: 1 }));
    return this.intercept('GET', `${REPOSITORY_PATH}/pulls/${PULL_NUMBER}/comments?per_page=100`, 200, comments);
  }

  createReview(status = 200): this {
    const response = status === 200 ? { id: 80, state: 'COMMENTED' } : { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] };
    return this.intercept('POST', `${REPOSITORY_PATH}/pulls/${PULL_NUMBER}/reviews`, status, response, 'pulls/create-review');
  }

  /** The requests as `METHOD path` lines, which tests compare in order. */
  get requestLines(): string[] {
    return this.requests.map((request) => `${request.method} ${request.path}`);
  }

  /** The bodies of the requests whose `METHOD path` line starts with `prefix`. */
  bodiesOf(prefix: string): unknown[] {
    return this.requests.filter((request) => `${request.method} ${request.path}`.startsWith(prefix)).map((request) => request.body);
  }

  private intercept(method: string, path: string, status: number, response: unknown, operationId?: string, headers: Record<string, string> = {}): this {
    this.scope.intercept(path, method).reply((uri, body) => {
      const parsed = typeof body === 'string' && body !== '' ? (JSON.parse(body) as unknown) : body === '' ? undefined : body;
      this.requests.push({ method, path: uri, body: parsed });
      if (operationId !== undefined) this.bodyErrors.push(...requestBodyErrors(operationId, parsed));
      return [status, response as nock.Body, headers];
    });
    return this;
  }
}

/** Computes the git blob SHA-1 of a text, as GitHub reports it. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** The patch GitHub shows for a file added with `text`. */
export function addedFilePatch(text: string): string {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)];
  if (!text.endsWith('\n')) patch.push('\\ No newline at end of file');
  return patch.join('\n');
}

function diffEntry(file: ListedFile): Record<string, unknown> {
  const sha = file.sha !== undefined ? file.sha : file.text === undefined ? null : blobSha(file.text);
  const entry: Record<string, unknown> = {
    sha,
    filename: file.filename,
    status: file.status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/${file.filename}`,
    raw_url: `https://github.com/${OWNER}/${REPO}/raw/${HEAD_SHA}/${file.filename}`,
    contents_url: `https://api.github.com${REPOSITORY_PATH}/contents/${file.filename}?ref=${HEAD_SHA}`,
  };
  if (file.patch !== undefined) entry.patch = file.patch;
  if (file.previous_filename !== undefined) entry.previous_filename = file.previous_filename;
  return entry;
}

/** Encodes like the GitHub API: base64 broken into lines of 60 characters. */
function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}
