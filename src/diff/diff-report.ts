import { hasAnyChange, isRangeChanged, removalTouches } from './file-change.js';
import type { FileChange } from './file-change.js';
import type { Finding } from '../finding.js';
import type { ReportScope } from '../policy/types.js';

/** Lines `startLine`..`endLine` of a file; `endLine` is `Infinity` for a range that covers the whole file. */
export interface LineRange {
  file: string;
  startLine: number;
  endLine: number;
}

/** The line an inline review comment goes on, on the new side of the diff. */
export interface CommentPosition {
  path: string;
  line: number;
}

/** A reported finding, with why it counts as changed and where its comment goes. */
export interface DiffFinding {
  finding: Finding;
  /**
   * The range whose change made the finding count as changed: its rule,
   * group or scrape job, else its own lines, else a related location in
   * another place. Undefined for a finding about the change as a whole, and
   * for unchanged findings reported because of `report: all`.
   */
  changedRange?: LineRange;
  /** Undefined when no changed line of `changedRange` can carry a comment. */
  comment?: CommentPosition;
}

export interface DiffReport {
  /** The findings that decide the conclusion, in the order given. */
  reported: DiffFinding[];
  /** Findings on rules, groups, jobs and lines the change did not touch. */
  preExisting: Finding[];
}

export interface DiffReportInput {
  findings: readonly Finding[];
  /** Every file the change touched, by path relative to the repository root; other files are unchanged. */
  changes: ReadonlyMap<string, FileChange>;
  scope: ReportScope;
}

/** Subject kinds whose whole line range counts: a change anywhere in a rule makes all its findings new. */
const RULE_LEVEL_SUBJECTS: ReadonlySet<string> = new Set(['rule', 'group', 'job']);

/**
 * Splits findings into those a change report shows and those that were there
 * before. A finding counts as changed when any line of its rule, group or
 * scrape job changed. Without such a subject it counts when one of its own
 * lines changed, or when its file changed at all if it has no line. A change
 * to one of its related locations counts too. A finding without a file is
 * about the change as a whole and is always reported. With scope `all`, every
 * finding is reported, and only changed ones get comments.
 */
export function planDiffReport(input: DiffReportInput): DiffReport {
  const reported: DiffFinding[] = [];
  const preExisting: Finding[] = [];

  for (const finding of input.findings) {
    if (finding.file === undefined) {
      reported.push({ finding });
      continue;
    }

    const changedRange = findChangedRange(finding, input.changes);
    if (changedRange === undefined) {
      if (input.scope === 'all') reported.push({ finding });
      else preExisting.push(finding);
      continue;
    }

    const change = input.changes.get(changedRange.file);
    const comment = change === undefined ? undefined : placeComment(finding, changedRange, change);
    reported.push(comment === undefined ? { finding, changedRange } : { finding, changedRange, comment });
  }
  return { reported, preExisting };
}

/**
 * Returns the range a finding is judged by in its own file: its rule, group
 * or job, else its own lines, else the whole file. Returns undefined for a
 * finding without a file.
 */
export function findingRange(finding: Finding): LineRange | undefined {
  const { file, subject } = finding;
  if (file === undefined) return undefined;
  if (subject !== undefined && RULE_LEVEL_SUBJECTS.has(subject.kind)) {
    return { file, startLine: subject.startLine, endLine: subject.endLine };
  }
  if (finding.line === undefined) return { file, startLine: 1, endLine: Number.POSITIVE_INFINITY };
  return { file, startLine: finding.line, endLine: Math.max(finding.line, finding.endLine ?? finding.line) };
}

function findChangedRange(finding: Finding, changes: ReadonlyMap<string, FileChange>): LineRange | undefined {
  const own = findingRange(finding);
  const ranges = [...(own === undefined ? [] : [own]), ...(finding.related ?? [])];
  return ranges.find((range) => {
    const change = changes.get(range.file);
    if (change === undefined) return false;
    return range.endLine === Number.POSITIVE_INFINITY ? hasAnyChange(change) : isRangeChanged(change, range.startLine, range.endLine);
  });
}

/**
 * Places the comment on the last added line of the range, so it shows below
 * the rule it is about. A range changed only by removed lines gets it on the
 * commentable line next to a removal that is nearest to the finding.
 */
function placeComment(finding: Finding, range: LineRange, change: FileChange): CommentPosition | undefined {
  if (change.kind === 'whole') return undefined;
  const inRange = (line: number): boolean => line >= range.startLine && line <= range.endLine;

  let last: number | undefined;
  for (const line of change.added) {
    if (inRange(line) && (last === undefined || line > last)) last = line;
  }
  if (last !== undefined) return { path: range.file, line: last };

  const target = finding.file === range.file && finding.line !== undefined ? finding.line : range.startLine;
  let nearest: number | undefined;
  for (const removal of change.removals) {
    if (!removalTouches(removal, range.startLine, range.endLine)) continue;
    for (const line of [removal.after, removal.after + 1]) {
      if (!inRange(line) || !change.commentable.has(line)) continue;
      if (nearest === undefined || Math.abs(line - target) < Math.abs(nearest - target)) nearest = line;
    }
  }
  return nearest === undefined ? undefined : { path: range.file, line: nearest };
}
