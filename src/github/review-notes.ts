import { inlineCode } from '../report/markdown-text.js';
import { plural } from './check-run-result.js';
import { MAX_LISTED_FILES } from './pull-request-reader.js';
import type { ChangedFile } from './candidate-files.js';
import type { PullRequestTarget } from './pull-request-target.js';
import type { RepositoryTree } from './repository-tree.js';
import type { LintFileSelection } from './select-lint-files.js';

/** Describes, for the summary, that GitHub listed only part of a large pull request's files. */
export function listingNotes(target: PullRequestTarget, changed: readonly ChangedFile[]): string[] {
  if (changed.length < MAX_LISTED_FILES || target.changedFiles <= changed.length) return [];
  return [
    `This pull request changes ${target.changedFiles.toLocaleString('en-US')} files, but GitHub lists only the first ${MAX_LISTED_FILES.toLocaleString('en-US')}; promgate did not lint the rest. Run \`npx promgate lint\` on the repository to check them.`,
  ];
}

/** Describes, for the summary, which files of the repository the checks that compare files did not read. */
export function contextNotes(tree: RepositoryTree | undefined, selection: LintFileSelection, failedOthers: number): string[] {
  const notes: string[] = [];
  if (tree === undefined) {
    notes.push('promgate could not list the files of the repository, so checks that compare files saw only the changed files.');
  } else if (!tree.complete) {
    notes.push(`The repository's file tree is too large to list within ${plural(tree.requests, 'request')}, so checks that compare files did not see every file.`);
  }
  if (selection.leftOut.files > 0) {
    notes.push(
      `promgate read the changed files and as many others as fit its limits, and left out ${plural(selection.leftOut.files, 'other file')} (${selection.leftOut.bytes.toLocaleString('en-US')} bytes), so checks that compare files did not see them. The operator of the App sets the limits (\`PROMGATE_MAX_REPOSITORY_FILES\`, \`PROMGATE_MAX_REPOSITORY_BYTES\`).`,
    );
  }
  if (failedOthers > 0) notes.push(`promgate could not read ${plural(failedOthers, 'unchanged file')}, so checks that compare files did not see them.`);
  return notes;
}
