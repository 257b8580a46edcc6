import { createHash } from 'node:crypto';
import { validate as validateGraphql } from '@octokit/graphql-schema';
import { parse as parseGraphql } from 'graphql';
import nock from 'nock';
import { queryParameterErrors, requestBodyErrors } from './openapi-bodies.js';
import type { ManualTimers } from './manual-timers.js';

/** The repository, pull request and installation of the `pull_request` payload fixtures. */
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const PULL_NUMBER = 2;
export const INSTALLATION_ID = 1;
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const CHECK_RUN_ID = 4242;
/** The App id the test Probot runs as. */
export const APP_ID = 123;
/** The installation token the mock hands out; no log line may contain it. */
export const INSTALLATION_TOKEN = 'ghs_promgateTestInstallationToken0001';

export interface RepositoryFixture {
  owner: string;
  repo: string;
  installationId: number;
}

export const HELLO_WORLD: RepositoryFixture = { owner: OWNER, repo: REPO, installationId: INSTALLATION_ID };

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  body: unknown;
  /** The status of the mock's response, or `hang` for a request left to time out. */
  status: number | 'hang';
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
  /** Overrides the counts GitHub reports; by default 1 added line. */
  additions?: number;
  deletions?: number;
}

/** A file of the head commit's tree. */
export interface TreeFile {
  path: string;
  text: string;
}

/** A failure GitHub can respond with, injected before a request so that the App must retry or recover. */
export type Fault = '500' | '422' | 'timeout' | 'secondary-rate-limit' | 'primary-rate-limit';

/** What `getPullRequest` changes in the pull request it serves. */
export interface PullRequestOverrides {
  headSha?: string;
  state?: string;
  changedFiles?: number;
  labels?: string[];
  body?: string;
  /** The repository of the head branch: a fork, or null when the fork was deleted. */
  headRepository?: { name: string; owner: { login: string } } | null;
  maintainerCanModify?: boolean;
}

/** A promgate review thread as GraphQL returns it. */
export interface ThreadNode {
  id: string;
  isResolved?: boolean;
  viewerCanResolve?: boolean;
  comments: { id: string; body: string; isMinimized?: boolean; viewerDidAuthor: boolean }[];
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

/**
 * Mocks api.github.com with nock, one interceptor per expected request, in
 * order, so that a fault can be placed before any one of them. Records every
 * request; validates every REST body and query string against GitHub's
 * OpenAPI description and every GraphQL document against GitHub's schema.
 */
export class GitHubMock {
  readonly requests: RecordedRequest[] = [];
  readonly validationErrors: string[] = [];
  private readonly scope = nock('https://api.github.com');
  private pendingFault: { fault: Fault; replace: boolean } | undefined;
  private readonly repositoryPath: string;

  constructor(
    private readonly timers?: ManualTimers,
    readonly repository: RepositoryFixture = HELLO_WORLD,
  ) {
    this.repositoryPath = `/repos/${repository.owner}/${repository.repo}`;
  }

  /**
   * Makes the next request registered respond with `fault` first, and the
   * App's retry get the normal response. With `replace`, the fault is the
   * only response, for a request the App does not retry.
   */
  fault(fault: Fault, options: { replace?: boolean } = {}): this {
    this.pendingFault = { fault, replace: options.replace === true };
    return this;
  }

  installationToken(): this {
    return this.rest('POST', `/app/installations/${this.repository.installationId}/access_tokens`, 201, {
      token: INSTALLATION_TOKEN,
      expires_at: '2099-01-01T00:00:00Z',
      permissions: { checks: 'write', pull_requests: 'write', contents: 'write', issues: 'write', metadata: 'read' },
      repository_selection: 'all',
    });
  }

  /** Serves the `promgate` check runs already on the head commit. */
  listCheckRuns(runs: { id: number; annotationsCount: number; status?: string }[] = [], headSha = HEAD_SHA): this {
    const checkRuns = runs.map((run) => ({
      id: run.id,
      name: 'promgate',
      head_sha: headSha,
      status: run.status ?? 'completed',
      app: { id: APP_ID, slug: 'promgate' },
      output: { title: 'Earlier run', summary: '', annotations_count: run.annotationsCount },
    }));
    const query = `check_name=promgate&filter=all&per_page=100&app_id=${APP_ID}`;
    return this.rest('GET', `${this.repositoryPath}/commits/${headSha}/check-runs?${query}`, 200, { total_count: checkRuns.length, check_runs: checkRuns }, 'checks/list-for-ref');
  }

  /** Serves the annotations of an earlier run, one page. */
  listAnnotations(checkRunId: number, annotations: readonly Record<string, unknown>[]): this {
    return this.rest('GET', `${this.repositoryPath}/check-runs/${checkRunId}/annotations?per_page=100`, 200, annotations, 'checks/list-annotations');
  }

  createCheckRun(): this {
    return this.rest('POST', `${this.repositoryPath}/check-runs`, 201, { id: CHECK_RUN_ID, name: 'promgate', head_sha: HEAD_SHA }, 'checks/create');
  }

  updateCheckRun(times = 1, checkRunId = CHECK_RUN_ID): this {
    for (let index = 0; index < times; index += 1) {
      this.rest('PATCH', `${this.repositoryPath}/check-runs/${checkRunId}`, 200, { id: checkRunId, name: 'promgate' }, 'checks/update');
    }
    return this;
  }

  /** Serves `.github/promgate.yml` at `ref`, or a 404 when `text` is undefined. */
  policyFile(ref: string, text: string | undefined): this {
    const path = `${this.repositoryPath}/contents/.github%2Fpromgate.yml?ref=${ref}`;
    if (text === undefined) return this.rest('GET', path, 404, { message: 'Not Found', status: '404' }, 'repos/get-content');
    return this.rest(
      'GET',
      path,
      200,
      { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: 'promgate.yml', path: '.github/promgate.yml', sha: blobSha(text), content: base64Lines(text) },
      'repos/get-content',
    );
  }

  /** Serves a directory listing where the policy file should be. */
  policyDirectory(ref: string): this {
    return this.rest(
      'GET',
      `${this.repositoryPath}/contents/.github%2Fpromgate.yml?ref=${ref}`,
      200,
      [{ type: 'file', name: 'a.yml', path: '.github/promgate.yml/a.yml', sha: blobSha(''), size: 0 }],
      'repos/get-content',
    );
  }

  /** Serves the pull request's files 100 per page, linking pages the way GitHub does. */
  pullRequestFiles(files: readonly ListedFile[], pullNumber = PULL_NUMBER): this {
    const pages = Math.max(1, Math.ceil(files.length / 100));
    for (let page = 1; page <= pages; page += 1) {
      const query = page === 1 ? 'per_page=100' : `per_page=100&page=${page}`;
      const headers: Record<string, string> = {};
      if (page < pages) headers.link = `<https://api.github.com${this.repositoryPath}/pulls/${pullNumber}/files?per_page=100&page=${page + 1}>; rel="next"`;
      const entries = files.slice((page - 1) * 100, page * 100).map((file) => this.diffEntry(file));
      this.rest('GET', `${this.repositoryPath}/pulls/${pullNumber}/files?${query}`, 200, entries, 'pulls/list-files', headers);
    }
    return this;
  }

  /** Serves the head commit's tree, recursively, with the files given and a README that promgate skips. */
  tree(files: readonly TreeFile[], options: { truncated?: boolean; sha?: string } = {}): this {
    const entries = [{ path: 'README.md', text: '# Monitoring\n' }, ...files].map((file) => ({
      path: file.path,
      mode: '100644',
      type: 'blob',
      sha: blobSha(file.text),
      size: Buffer.byteLength(file.text),
    }));
    const sha = options.sha ?? HEAD_SHA;
    return this.rest('GET', `${this.repositoryPath}/git/trees/${sha}?recursive=1`, 200, { sha, tree: entries, truncated: options.truncated ?? false }, 'git/get-tree');
  }

  /** Serves one level of a tree, for the walk after a truncated listing. */
  treeLevel(sha: string, entries: readonly Record<string, unknown>[], recursive: boolean, truncated = false): this {
    return this.rest('GET', `${this.repositoryPath}/git/trees/${sha}${recursive ? '?recursive=1' : ''}`, 200, { sha, tree: entries, truncated }, 'git/get-tree');
  }

  /** Serves the blob of each file, as base64 like GitHub. */
  blobs(files: readonly (TreeFile | ListedFile)[]): this {
    for (const file of files) {
      const text = 'text' in file ? file.text : undefined;
      if (text === undefined) continue;
      const sha = ('sha' in file && typeof file.sha === 'string' ? file.sha : undefined) ?? blobSha(text);
      this.rest('GET', `${this.repositoryPath}/git/blobs/${sha}`, 200, { sha, size: Buffer.byteLength(text), encoding: 'base64', content: base64Lines(text) }, 'git/get-blob');
    }
    return this;
  }

  blobFailure(sha: string, status: number): this {
    return this.rest('GET', `${this.repositoryPath}/git/blobs/${sha}`, status, { message: 'Server Error' }, 'git/get-blob');
  }

  /** Serves the review threads already on the pull request, then the reviews. */
  reviewState(threads: readonly ThreadNode[] = [], reviewBodies: readonly { body: string; viewerDidAuthor: boolean }[] = []): this {
    return this.reviewThreads(threads).reviews(reviewBodies);
  }

  reviewThreads(threads: readonly ThreadNode[] = []): this {
    const nodes = threads.map((thread) => ({
      isResolved: false,
      viewerCanResolve: true,
      ...thread,
      comments: { nodes: thread.comments.map((comment) => ({ isMinimized: false, ...comment })) },
    }));
    return this.graphql('PromgateReviewThreads', { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } } } });
  }

  reviews(bodies: readonly { body: string; viewerDidAuthor: boolean }[] = []): this {
    return this.graphql('PromgateReviews', { repository: { pullRequest: { reviews: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: bodies } } } });
  }

  resolveThread(threadId: string, errors?: readonly { type: string; message: string }[]): this {
    if (errors !== undefined) return this.graphql('PromgateResolveThread', null, errors);
    return this.graphql('PromgateResolveThread', { resolveReviewThread: { thread: { id: threadId, isResolved: true } } });
  }

  minimizeComment(): this {
    return this.graphql('PromgateMinimizeComment', { minimizeComment: { minimizedComment: { isMinimized: true } } });
  }

  createReview(status = 200, pullNumber = PULL_NUMBER): this {
    const response = status === 200 ? { id: 80, state: 'COMMENTED' } : { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] };
    return this.rest('POST', `${this.repositoryPath}/pulls/${pullNumber}/reviews`, status, response, 'pulls/create-review');
  }

  /** Serves the pull request; by default an open one from a branch of the same repository. */
  getPullRequest(pullNumber: number, overrides: PullRequestOverrides = {}): this {
    const baseRepository = { name: this.repository.repo, full_name: `${this.repository.owner}/${this.repository.repo}`, owner: { login: this.repository.owner } };
    const headRepository = overrides.headRepository === undefined ? baseRepository : overrides.headRepository;
    return this.rest(
      'GET',
      `${this.repositoryPath}/pulls/${pullNumber}`,
      200,
      {
        number: pullNumber,
        state: overrides.state ?? 'open',
        changed_files: overrides.changedFiles ?? 1,
        labels: (overrides.labels ?? []).map((name, index) => ({ id: index + 1, name })),
        body: overrides.body === undefined ? null : overrides.body,
        maintainer_can_modify: overrides.maintainerCanModify ?? false,
        head: {
          sha: overrides.headSha ?? HEAD_SHA,
          ref: 'changes',
          repo: headRepository === null ? null : { name: headRepository.name, full_name: `${headRepository.owner.login}/${headRepository.name}`, owner: headRepository.owner },
        },
        base: { sha: BASE_SHA, ref: 'master', repo: baseRepository },
      },
      'pulls/get',
    );
  }

  pullRequestsOfCommit(sha: string, pulls: readonly { number: number; state?: string; headSha?: string }[]): this {
    const body = pulls.map((pull) => ({ number: pull.number, state: pull.state ?? 'open', head: { sha: pull.headSha ?? sha } }));
    return this.rest('GET', `${this.repositoryPath}/commits/${sha}/pulls`, 200, body, 'repos/list-pull-requests-associated-with-commit');
  }

  /** Serves a user's access to the repository, as `role_name` and the older `permission` field GitHub derives from it. */
  collaboratorPermission(login: string, roleName: string, permission?: string): this {
    const permissions: Record<string, string> = { maintain: 'write', triage: 'read' };
    const body = { permission: permission ?? permissions[roleName] ?? roleName, role_name: roleName, user: { login, type: 'User' } };
    return this.rest('GET', `${this.repositoryPath}/collaborators/${login}/permission`, 200, body, 'repos/get-collaborator-permission-level');
  }

  /** Serves the 404 GitHub sends for a login it does not know. */
  collaboratorNotFound(login: string): this {
    return this.rest('GET', `${this.repositoryPath}/collaborators/${login}/permission`, 404, { message: 'Not Found', status: '404' }, 'repos/get-collaborator-permission-level');
  }

  createReaction(commentId: number): this {
    return this.rest('POST', `${this.repositoryPath}/issues/comments/${commentId}/reactions`, 201, { id: 1, content: 'eyes' }, 'reactions/create-for-issue-comment');
  }

  createComment(issueNumber = PULL_NUMBER): this {
    return this.rest('POST', `${this.repositoryPath}/issues/${issueNumber}/comments`, 201, { id: 900, body: '' }, 'issues/create-comment');
  }

  /** Serves a commit of the Git Data API with the SHA of its tree. */
  getCommit(sha: string, treeSha: string): this {
    return this.rest('GET', `${this.repositoryPath}/git/commits/${sha}`, 200, { sha, tree: { sha: treeSha }, parents: [] }, 'git/get-commit');
  }

  /** Accepts a new blob and returns the SHA git gives its content. */
  createBlob(text: string): this {
    return this.rest('POST', `${this.repositoryPath}/git/blobs`, 201, { sha: blobSha(text) }, 'git/create-blob');
  }

  createTree(sha: string): this {
    return this.rest('POST', `${this.repositoryPath}/git/trees`, 201, { sha, tree: [], truncated: false }, 'git/create-tree');
  }

  createCommit(sha: string): this {
    return this.rest('POST', `${this.repositoryPath}/git/commits`, 201, { sha }, 'git/create-commit');
  }

  /** Responds to the update of a branch, by default by moving it. */
  updateRef(branch: string, status = 200): this {
    const body = status === 200 ? { ref: `refs/heads/${branch}`, object: { type: 'commit' } } : { message: 'Update is not a fast forward', status: String(status) };
    return this.rest('PATCH', `${this.repositoryPath}/git/refs/heads%2F${branch}`, status, body, 'git/update-ref');
  }

  /** The requests as `METHOD path` lines, which tests compare in order. */
  get requestLines(): string[] {
    return this.requests.map((request) => `${request.method} ${request.path}`);
  }

  /** Returns the bodies of the accepted requests, with a 2xx status, whose `METHOD path` line starts with `prefix`. */
  bodiesOf(prefix: string): unknown[] {
    return this.attemptsOf(prefix)
      .filter((request) => typeof request.status === 'number' && request.status < 300)
      .map((request) => request.body);
  }

  /** Returns every request whose `METHOD path` line starts with `prefix`, rejected and unanswered ones included. */
  attemptsOf(prefix: string): RecordedRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}`.startsWith(prefix));
  }

  /** The GraphQL operation names sent, in order. */
  get graphqlOperations(): string[] {
    return this.requests.filter((request) => request.path === '/graphql').map((request) => operationName(request.body));
  }

  private graphql(name: string, data: unknown, errors?: readonly unknown[]): this {
    const fault = this.takeFault('POST', '/graphql');
    const validate = (body: unknown): void => {
      const sent = operationName(body);
      if (sent !== name) this.validationErrors.push(`expected GraphQL operation ${name}, got ${sent}`);
      const query = (body as { query?: unknown } | undefined)?.query;
      if (typeof query !== 'string') this.validationErrors.push('GraphQL request without a query');
      else this.validationErrors.push(...validateGraphql(query).map((error) => `${name}: ${error.message}`));
    };
    if (fault !== undefined) this.register('POST', '/graphql', fault.reply, validate);
    if (fault?.replace !== true) this.register('POST', '/graphql', { status: 200, body: errors === undefined ? { data } : { data, errors } }, validate);
    return this;
  }

  private rest(method: string, path: string, status: number, body: unknown, operationId?: string, headers: Record<string, string> = {}): this {
    const fault = this.takeFault(method, path);
    const validate = (sent: unknown, uri: string): void => {
      if (operationId === undefined) return;
      const query = new URL(uri, 'https://api.github.com').searchParams;
      this.validationErrors.push(...queryParameterErrors(operationId, query));
      if (sent !== undefined) this.validationErrors.push(...requestBodyErrors(operationId, sent));
    };
    if (fault !== undefined) this.register(method, path, fault.reply, validate);
    if (fault?.replace !== true) this.register(method, path, { status, body, headers }, validate);
    return this;
  }

  /** Returns the pending fault with its reply, and clears it. */
  private takeFault(method: string, path: string): { reply: Reply; replace: boolean } | undefined {
    const pending = this.pendingFault;
    this.pendingFault = undefined;
    if (pending === undefined) return undefined;
    return { reply: this.faultReply(pending.fault, method, path), replace: pending.replace };
  }

  private faultReply(fault: Fault, method: string, path: string): Reply {
    switch (fault) {
      case '500':
        return { status: 500, body: { message: 'Server Error' } };
      case '422':
        return { status: 422, body: { message: 'Unprocessable Entity', errors: [{ resource: 'Test', code: 'invalid' }] } };
      case 'secondary-rate-limit':
        return {
          status: 403,
          body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
          headers: { 'retry-after': '7' },
        };
      case 'primary-rate-limit':
        return {
          status: 403,
          body: { message: 'API rate limit exceeded for installation.' },
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30) },
        };
      case 'timeout':
        if (this.timers === undefined) throw new Error(`a timeout fault on ${method} ${path} needs the test's ManualTimers`);
        return 'hang';
    }
  }

  private register(method: string, path: string, reply: Reply, validate: (body: unknown, uri: string) => void): void {
    const timers = this.timers;
    this.scope.intercept(path, method).reply((uri, body, callback) => {
      const parsed = parseBody(body);
      this.requests.push({ method, path: uri, body: parsed, status: reply === 'hang' ? 'hang' : reply.status });
      validate(parsed, uri);
      if (reply === 'hang') {
        // Never answers; the App's timer for this request fires now instead of after the real timeout.
        timers?.fire(`${method} https://api.github.com${uri}`);
        return;
      }
      callback(null, [reply.status, reply.body as nock.Body, reply.headers ?? {}]);
    });
  }

  private diffEntry(file: ListedFile): Record<string, unknown> {
    let sha = file.sha;
    if (sha === undefined) sha = file.text === undefined ? null : blobSha(file.text);
    const entry: Record<string, unknown> = {
      sha,
      filename: file.filename,
      status: file.status,
      additions: file.additions ?? 1,
      deletions: file.deletions ?? 0,
      changes: (file.additions ?? 1) + (file.deletions ?? 0),
      blob_url: `https://github.com/${this.repository.owner}/${this.repository.repo}/blob/${HEAD_SHA}/${file.filename}`,
      raw_url: `https://github.com/${this.repository.owner}/${this.repository.repo}/raw/${HEAD_SHA}/${file.filename}`,
      contents_url: `https://api.github.com${this.repositoryPath}/contents/${file.filename}?ref=${HEAD_SHA}`,
    };
    if (file.patch !== undefined) entry.patch = file.patch;
    if (file.previous_filename !== undefined) entry.previous_filename = file.previous_filename;
    return entry;
  }
}

function parseBody(body: unknown): unknown {
  if (body === '') return undefined;
  return typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
}

function operationName(body: unknown): string {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string') return '(none)';
  const definition = parseGraphql(query).definitions[0];
  return definition !== undefined && 'name' in definition && definition.name !== undefined ? definition.name.value : '(anonymous)';
}

/** Computes the git blob SHA-1 of a text, as GitHub reports it. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Builds the patch GitHub shows for a file added with `text`. */
export function addedFilePatch(text: string): string {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)];
  if (!text.endsWith('\n')) patch.push('\\ No newline at end of file');
  return patch.join('\n');
}

/** Encodes like the GitHub API: base64 broken into lines of 60 characters. */
function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
}
