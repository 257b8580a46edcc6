import { rightSideLines } from '../diff/parse-patch.js';
import type { Finding } from '../finding.js';
import type { ParsedPatch } from '../diff/parse-patch.js';

/** A finding with the line of the new file where its review comment goes. */
export interface PlacedFinding {
  finding: Finding;
  path: string;
  line: number;
}

/**
 * Places each finding on a line that a review comment can point at: its first
 * line when the diff shows it, else the first line of its range that the diff
 * shows. A finding is left out when it has no file or line, when its file has
 * no patch (binary, or too large for GitHub to show), or when its range lies
 * outside every hunk. The check run still reports it.
 */
export function placeComments(findings: readonly Finding[], patches: ReadonlyMap<string, ParsedPatch>): PlacedFinding[] {
  const commentable = new Map<string, Set<number>>();
  for (const [path, patch] of patches) commentable.set(path, rightSideLines(patch));

  const placed: PlacedFinding[] = [];
  for (const finding of findings) {
    if (finding.file === undefined || finding.line === undefined) continue;
    const lines = commentable.get(finding.file);
    if (lines === undefined) continue;

    const endLine = Math.max(finding.line, finding.endLine ?? finding.line);
    for (let line = finding.line; line <= endLine; line += 1) {
      if (lines.has(line)) {
        placed.push({ finding, path: finding.file, line });
        break;
      }
    }
  }
  return placed;
}
