export { planDiffReport, findingRange } from './diff-report.js';
export type { CommentPosition, DiffFinding, DiffReport, DiffReportInput, LineRange } from './diff-report.js';
export { fileChangeFromPatch, hasAnyChange, isRangeChanged, removalTouches, WHOLE_FILE_CHANGE } from './file-change.js';
export type { FileChange, Removal } from './file-change.js';
export { parsePatch, rightSideLines } from './parse-patch.js';
export type { DiffHunk, DiffLine, ParsedPatch } from './parse-patch.js';
