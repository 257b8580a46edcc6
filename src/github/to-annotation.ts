import type { Finding, Severity } from '../finding.js';

/** A check run annotation, as the checks API accepts it in `output.annotations`. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

const ANNOTATION_LEVELS: Record<Severity, CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  info: 'notice',
};

/** The checks API caps an annotation's `message` at 64 KB; cut well below it, counting UTF-8 bytes. */
const MAX_MESSAGE_BYTES = 60_000;

/**
 * Turns a finding into an annotation, or returns undefined for a finding
 * about the pull request as a whole, which has no file to point at. A finding
 * with a file but no line is put on line 1.
 */
export function toAnnotation(finding: Finding): CheckAnnotation | undefined {
  if (finding.file === undefined) return undefined;

  const startLine = finding.line ?? 1;
  const endLine = Math.max(startLine, finding.endLine ?? startLine);
  const message = finding.fix === undefined ? finding.message : `${finding.message}\n\nFix: ${finding.fix}`;
  const annotation: CheckAnnotation = {
    path: finding.file,
    start_line: startLine,
    end_line: endLine,
    annotation_level: ANNOTATION_LEVELS[finding.severity],
    title: finding.check,
    message: truncateUtf8(message, MAX_MESSAGE_BYTES),
  };

  // The API accepts columns only on a single-line annotation. A finding's
  // `endColumn` is just past its last character, so subtract one to name the
  // last character, and keep an empty range one column wide.
  // NOTE: GitHub does not document whether `end_column` is inclusive; this assumes it is.
  if (startLine === endLine && finding.line !== undefined && finding.column !== undefined) {
    annotation.start_column = finding.column;
    annotation.end_column = Math.max(finding.column, (finding.endColumn ?? finding.column + 1) - 1);
  }
  return annotation;
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const cut = Buffer.from(text, 'utf8').subarray(0, maxBytes - 3).toString('utf8');
  // A multi-byte character split by the cut decodes to U+FFFD; drop it.
  return `${cut.replace(/\uFFFD$/, '')}…`;
}
