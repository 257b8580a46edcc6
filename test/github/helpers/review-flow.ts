import { BASE_SHA, GitHubMock } from './github-mock.js';
import type { ListedFile, ThreadNode, TreeFile } from './github-mock.js';

/** What a review of one pull request finds on GitHub, for `reviewSteps`. */
export interface ReviewFlow {
  files: ListedFile[];
  /** Monitoring files of the head commit; the changed files by default. */
  tree?: TreeFile[];
  /** The base branch's policy file, or undefined for none. */
  policy?: string;
  /** Check run updates the review sends. */
  updates?: number;
  threads?: ThreadNode[];
  /** Whether the review posts a review; true by default. */
  review?: boolean;
  /** Threads the review resolves, by id. */
  resolves?: string[];
}

/** One expected request, or a group that happens at one point of the review, such as reading blobs. */
export interface ReviewStep {
  name: string;
  register: (github: GitHubMock) => void;
}

/** Returns the files of the head commit in a flow. */
export function treeOf(flow: ReviewFlow): TreeFile[] {
  return flow.tree ?? flow.files.filter((file) => file.text !== undefined && file.status !== 'removed').map((file) => ({ path: file.filename, text: file.text! }));
}

/**
 * Lists the requests of a full review in the order the App sends them, one
 * step per request, so that a test can place a fault before any of them.
 */
export function reviewSteps(flow: ReviewFlow): ReviewStep[] {
  const tree = treeOf(flow);
  const steps: ReviewStep[] = [
    { name: 'installation token', register: (github) => github.installationToken() },
    { name: 'list check runs', register: (github) => github.listCheckRuns() },
    { name: 'create check run', register: (github) => github.createCheckRun() },
    { name: 'read policy', register: (github) => github.policyFile(BASE_SHA, flow.policy) },
    { name: 'list files', register: (github) => github.pullRequestFiles(flow.files) },
    { name: 'read tree', register: (github) => github.tree(tree) },
    ...tree.map((file) => ({ name: `read ${file.path}`, register: (github: GitHubMock) => github.blobs([file]) })),
  ];
  for (let update = 1; update <= (flow.updates ?? 1); update += 1) {
    steps.push({ name: `update check run ${update}`, register: (github) => github.updateCheckRun() });
  }
  steps.push({ name: 'read review threads', register: (github) => github.reviewThreads(flow.threads ?? []) });
  steps.push({ name: 'read reviews', register: (github) => github.reviews() });
  if (flow.review !== false) steps.push({ name: 'create review', register: (github) => github.createReview() });
  for (const threadId of flow.resolves ?? []) steps.push({ name: `resolve ${threadId}`, register: (github) => github.resolveThread(threadId) });
  return steps;
}

/** Registers every step of a review on a mock. */
export function mockReview(github: GitHubMock, flow: ReviewFlow): GitHubMock {
  for (const step of reviewSteps(flow)) step.register(github);
  return github;
}
