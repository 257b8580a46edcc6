import type { MonitoringFile } from './model.js';
import type { YamlNode } from './yaml-tree.js';

/** A `# promgate disable ...` or `# promgate file/disable ...` comment. */
export interface ControlComment {
  kind: 'disable' | 'file/disable';
  /** Check ids as written, not yet validated. */
  checks: { id: string; start: number; end: number }[];
  reason: string | undefined;
  start: number;
  end: number;
  /**
   * Lines the comment applies to: the rule, group or scrape job below a
   * `disable`, the document or the whole file for `file/disable`. Undefined
   * for a `disable` attached to nothing.
   */
  scope: { startLine: number; endLine: number } | undefined;
}

export interface ControlCommentProblem {
  start: number;
  end: number;
  message: string;
  fix: string;
}

export interface ControlComments {
  comments: ControlComment[];
  problems: ControlCommentProblem[];
}

/** A whole-line comment whose first word is `promgate`, as in `# promgate disable ...`; `# promgate-managed` or `# promgate: note` are ordinary comments. */
const COMMENT_LINE = /^[ \t]*#[ \t]*promgate(?=[ \t]|$)(.*)$/gim;
const DIRECTIVE = /^[ \t]+(disable|file\/disable)(?=[ \t]|$)(.*)$/i;
const CHECK_ID = /^[a-z]+\/[a-z][a-z-]*$/;

export const CONTROL_SYNTAX = '`# promgate disable <check-id>[, <check-id>...] -- <reason>`';
export const FILE_CONTROL_SYNTAX = '`# promgate file/disable <check-id>[, <check-id>...] -- <reason>`';

/**
 * Reads the control comments of a file. Only whole-line YAML comments count:
 * a `#` line inside a block scalar belongs to the scalar, such as a PromQL
 * comment in a `|` expression, and is ignored.
 */
export function readControlComments(file: MonitoringFile): ControlComments {
  const result: ControlComments = { comments: [], problems: [] };
  const text = file.source.text;
  if (!/promgate/i.test(text)) return result;

  const scalars = multiLineScalarRanges(file);
  const subjects = subjectStartLines(file);
  for (const match of text.matchAll(COMMENT_LINE)) {
    const lineStart = match.index;
    const hash = text.indexOf('#', lineStart);
    const end = lineStart + match[0].length;
    if (scalars.some(([from, to]) => hash >= from && hash < to)) continue;

    const body = match[1]!;
    const directive = DIRECTIVE.exec(body);
    if (directive === null) {
      result.problems.push({
        start: hash,
        end,
        message: `Malformed promgate comment \`${text.slice(hash, end).trim()}\`: it is neither \`promgate disable\` nor \`promgate file/disable\`.`,
        fix: `Write ${CONTROL_SYNTAX} above a rule or scrape job, or \`# promgate file/disable <check-id>\` anywhere in the file.`,
      });
      continue;
    }

    const kind = directive[1]!.toLowerCase() as ControlComment['kind'];
    const rest = directive[2]!;
    const separator = rest.indexOf('--');
    const idsText = separator === -1 ? rest : rest.slice(0, separator);
    const reason = separator === -1 ? undefined : rest.slice(separator + 2).trim() || undefined;
    const idsOffset = end - rest.length;

    const checks: ControlComment['checks'] = [];
    let cursor = 0;
    for (const part of idsText.split(',')) {
      const id = part.trim();
      const start = idsOffset + cursor + part.indexOf(id);
      cursor += part.length + 1;
      if (id === '') continue;
      if (!CHECK_ID.test(id)) {
        result.problems.push({
          start,
          end: start + id.length,
          message: `\`${id}\` in a promgate comment is not a check id; ids read \`area/topic\`, such as \`naming/counter-suffix\`.`,
          fix: `Write ${CONTROL_SYNTAX}.`,
        });
        continue;
      }
      checks.push({ id, start, end: start + id.length });
    }
    if (checks.length === 0) {
      // An id that is not one was reported above; only a comment with nothing after the directive is reported here.
      if (idsText.trim() === '') result.problems.push({ start: hash, end, message: `The promgate \`${kind}\` comment names no check.`, fix: `Write ${CONTROL_SYNTAX}.` });
      continue;
    }

    const line = file.source.positionAt(hash).line;
    const scope = kind === 'disable' ? attachedScope(file, subjects, line) : documentScope(file, hash);
    if (scope === undefined) {
      result.problems.push({
        start: hash,
        end,
        message: 'This `promgate disable` comment is attached to nothing: the next line does not start a rule, a rule group or a scrape job.',
        fix: 'Put the comment on the line directly above the `- alert:`, `- record:`, `- name:` or `- job_name:` line, or use `promgate file/disable` for the whole file.',
      });
    }
    result.comments.push({ kind, checks, reason, start: hash, end, scope });
  }
  return result;
}

/** Returns whether a comment switches a check off at a line. */
export function isDisabledAt(comments: readonly ControlComment[], checkId: string, line: number | undefined): boolean {
  return comments.some(
    (comment) =>
      comment.scope !== undefined &&
      comment.checks.some((check) => check.id === checkId) &&
      (line === undefined ? comment.kind === 'file/disable' : line >= comment.scope.startLine && line <= comment.scope.endLine),
  );
}

/** Maps the first line of every rule, group and scrape job to the lines it spans. */
function subjectStartLines(file: MonitoringFile): Map<number, { startLine: number; endLine: number }> {
  const lines = new Map<number, { startLine: number; endLine: number }>();
  const add = (node: YamlNode) => {
    const startLine = file.source.positionAt(node.start).line;
    const endLine = file.source.positionAt(Math.max(node.start, node.end - 1)).line;
    if (!lines.has(startLine)) lines.set(startLine, { startLine, endLine });
  };
  for (const document of file.documents) {
    if (document.kind === 'rules') {
      for (const group of document.groups) {
        add(group.node);
        for (const rule of group.rules) add(rule.node);
      }
    } else if (document.kind === 'scrape') {
      for (const job of document.jobs) add(job.node);
    }
  }
  return lines;
}

/** Returns the scope of a `disable` comment: the subject starting on the next line that is neither blank nor a comment. */
function attachedScope(file: MonitoringFile, subjects: Map<number, { startLine: number; endLine: number }>, commentLine: number) {
  const text = file.source.text;
  for (let line = commentLine + 1; line <= file.source.lineCount; line++) {
    const start = file.source.lineStart(line);
    const newline = text.indexOf('\n', start);
    const content = text.slice(start, newline === -1 ? text.length : newline).trim();
    if (content === '' || content.startsWith('#')) continue;
    return subjects.get(line);
  }
  return undefined;
}

/**
 * Returns the lines of the document containing a `file/disable` comment:
 * from the `---` line before it to the line before the next `---`, or the
 * whole file when it has no marker. Markers are read from the text, so a
 * document that failed to parse still bounds the scope.
 */
function documentScope(file: MonitoringFile, offset: number): { startLine: number; endLine: number } {
  const line = file.source.positionAt(offset).line;
  let startLine = 1;
  let endLine = file.source.lineCount;
  for (const match of file.source.text.matchAll(DOCUMENT_MARKER)) {
    const markerLine = file.source.positionAt(match.index).line;
    if (markerLine <= line) startLine = markerLine;
    else {
      endLine = markerLine - 1;
      break;
    }
  }
  return { startLine, endLine };
}

const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/** Ranges of scalars spanning several lines, inside which a `#` line is text, not a comment. */
function multiLineScalarRanges(file: MonitoringFile): [number, number][] {
  const ranges: [number, number][] = [];
  const text = file.source.text;
  for (const document of file.documents) {
    const stack: YamlNode[] = document.yaml.root === undefined ? [] : [document.yaml.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === 'map') for (const pair of node.pairs) stack.push(pair.key, pair.value);
      else if (node.kind === 'seq') stack.push(...node.items);
      else if (node.kind === 'scalar' && text.lastIndexOf('\n', node.end - 1) >= node.start) ranges.push([node.start, node.end]);
    }
  }
  return ranges;
}
