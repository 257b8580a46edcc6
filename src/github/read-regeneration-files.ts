import { inlineCode } from '../report/markdown-text.js';
import { generatedRulesPath } from '../slo/generate-spec-file.js';
import { readBlobs } from './blob-reader.js';
import { plural } from './check-run-result.js';
import { repositoryOf } from './pull-request-target.js';
import { readRepositoryTree } from './repository-tree.js';
import { selectLintFiles } from './select-lint-files.js';
import type { ProbotOctokit } from 'probot';
import type { Policy } from '../policy/types.js';
import type { RepositoryFile } from '../slo/plan-regeneration.js';
import type { RepositoryLimits } from './app-settings.js';
import type { BlobCache } from './blob-reader.js';
import type { PullRequestTarget } from './pull-request-target.js';
import type { TreeBlob } from './repository-tree.js';

/** SLO specs and generated rule files are YAML; `.rules` files are neither. */
const YAML_PATH = /\.ya?ml$/i;

const DEFAULT_MAX_FILE_BYTES = 1_048_576;

export interface RegenerationFiles {
  files: RepositoryFile[];
  /** Every file of the head commit by path, for the mode a rewritten file keeps and whether a path exists. */
  tree: Map<string, TreeBlob>;
  /** Markdown sentences about files that were not read, so a spec among them was not regenerated. */
  notes: string[];
}

/**
 * Reads the head commit's YAML files that could be an SLO spec or a rule
 * file generated from one, as a review reads the repository: the policy's
 * `include` and `exclude` globs apply, and the same limits. A generated file
 * next to a read file is read even when the globs exclude it or the limits
 * leave it out, because regenerating it unread would rewrite it as a new file.
 */
export async function readRegenerationFiles(
  octokit: ProbotOctokit,
  target: PullRequestTarget,
  policy: Policy,
  dependencies: { limits: RepositoryLimits; blobCache: BlobCache },
): Promise<RegenerationFiles> {
  const listing = await readRepositoryTree(octokit, repositoryOf(target), target.headSha, dependencies.limits.maxTreeRequests);
  const tree = new Map(listing.blobs.map((blob) => [blob.path, blob]));
  const maxFileBytes = policy.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const yaml = listing.blobs.filter((blob) => YAML_PATH.test(blob.path));
  const selection = selectLintFiles({ tree: yaml, changed: [], policy, limits: dependencies.limits, maxFileBytes });

  const requests = selection.read.map((file) => ({ path: file.path, sha: file.sha }));
  const selected = new Set(requests.map((request) => request.path));
  for (const file of selection.read) {
    const generated = tree.get(generatedRulesPath(file.path));
    if (generated === undefined || selected.has(generated.path)) continue;
    requests.push({ path: generated.path, sha: generated.sha });
    selected.add(generated.path);
  }
  const read = await readBlobs(octokit, repositoryOf(target), requests, dependencies.blobCache);

  const notes: string[] = [];
  if (!listing.complete) notes.push(`The repository's file tree is too large to list within ${plural(listing.requests, 'request')}, so promgate did not see every file.`);
  if (selection.leftOut.files > 0) {
    notes.push(`promgate read as many files as fit its limits and left out ${plural(selection.leftOut.files, 'file')}; specs among them were not regenerated.`);
  }
  for (const file of selection.tooLarge) notes.push(`${inlineCode(file.path)} is larger than the policy's \`max_file_bytes\`, so promgate did not read it.`);
  for (const failure of read.failed) notes.push(`promgate could not read ${inlineCode(failure.path)}: ${errorText(failure.error)}.`);
  return { files: read.files, tree, notes };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
