import { CHECKS } from './checks/registry.js';
import { ISSUES_URL } from './errors.js';
import { compareFindings, docsUrl, severityRank } from './finding.js';
import { isDisabledAt } from './load/control-comments.js';
import { loadFile } from './load/load-file.js';
import { scalarSourceOffset } from './load/scalar-offsets.js';
import { ExpressionCache } from './rule-expression.js';
import { Repository } from './repository.js';
import type { AnyCheck, CheckContext, CheckVisitor, PullRequestInfo, ReportOptions, Subject } from './checks/check.js';
import type { Finding, FindingSubject, Severity } from './finding.js';
import type { MonitoringFile, Rule } from './load/model.js';
import type { Policy } from './policy/types.js';

const CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.map((check) => check.id));

export interface LintInput {
  /** Paths relative to the repository root, with `/` separators, and file contents. */
  files: readonly { path: string; text: string }[];
  policy: Policy;
  /** Checks to run; every registered check by default. Tests pass one. */
  checks?: readonly AnyCheck[];
  /** The change under review, for checks about the pull request as a whole. */
  pullRequest?: PullRequestInfo;
}

export interface LintSummary {
  /** Files that held monitoring configuration, or that failed to parse. */
  files: number;
  /** Alerting and recording rules read. */
  rules: number;
  findings: number;
}

export interface LintResult {
  findings: Finding[];
  files: MonitoringFile[];
  repository: Repository;
  summary: LintSummary;
}

/** Loads the files, runs every enabled check over them and returns the sorted findings. */
export function lint(input: LintInput): LintResult {
  const files = input.files.map((file) => loadFile(file.path, file.text));
  const repository = new Repository(files);
  const findings: Finding[] = [];
  const expressions = new ExpressionCache();

  const hooks = new HookDispatcher(findings);
  for (const check of input.checks ?? CHECKS) {
    const settings = input.policy.checks[check.id];
    if (settings !== undefined && !settings.enabled) continue;
    const severity = settings?.severity ?? check.severity;
    const context = createContext(check, severity, settings?.options ?? {}, repository, findings, expressions, input.policy);
    try {
      hooks.add(check, check.create(context));
    } catch (error) {
      findings.push(internalErrorFinding(check, 'create', error));
    }
  }

  if (input.pullRequest !== undefined) hooks.call('pullRequest', input.pullRequest);
  for (const file of files) {
    hooks.call('file', file);
    for (const document of file.documents) {
      if (document.kind === 'rules') {
        hooks.call('ruleDocument', document);
        for (const group of document.groups) {
          hooks.call('group', group);
          for (const rule of group.rules) hooks.call('rule', rule);
        }
      } else if (document.kind === 'scrape') {
        hooks.call('scrapeDocument', document);
        for (const job of document.jobs) hooks.call('scrapeJob', job);
      }
    }
  }
  hooks.call('end', undefined);

  const reported = removeDisabled(findings, files);
  reported.sort(compareFindings);
  return {
    findings: reported,
    files,
    repository,
    summary: {
      files: files.filter(isMonitoringFile).length,
      rules: repository.rules.length,
      findings: reported.length,
    },
  };
}

/** Drops the findings that `# promgate disable` comments switch off; comment problems themselves stay. */
function removeDisabled(findings: Finding[], files: readonly MonitoringFile[]): Finding[] {
  const byPath = new Map(files.filter((file) => file.controls.comments.length > 0).map((file) => [file.path, file.controls.comments]));
  if (byPath.size === 0) return findings;
  return findings.filter((finding) => {
    if (finding.file === undefined || finding.check === 'promgate/comment') return true;
    const comments = byPath.get(finding.file);
    return comments === undefined || !isDisabledAt(comments, finding.check, finding.line);
  });
}

function isMonitoringFile(file: MonitoringFile): boolean {
  return file.problems.some((problem) => problem.check === 'yaml/syntax') || file.documents.some((document) => document.kind === 'rules' || document.kind === 'scrape' || document.kind === 'slo');
}

type HookName = keyof CheckVisitor;
type HookArgument<Hook extends HookName> = Parameters<NonNullable<CheckVisitor[Hook]>>[0];

/**
 * Calls the hooks checks registered, keeping per hook only the checks that
 * have it, since `rule` runs once per rule for every check. A check that
 * throws becomes a finding, never a crash.
 */
class HookDispatcher {
  private readonly lists = new Map<HookName, { check: AnyCheck; visitor: CheckVisitor }[]>();

  constructor(private readonly findings: Finding[]) {}

  add(check: AnyCheck, visitor: CheckVisitor): void {
    for (const hook of Object.keys(visitor) as HookName[]) {
      if (typeof visitor[hook] !== 'function') continue;
      const list = this.lists.get(hook) ?? [];
      list.push({ check, visitor });
      this.lists.set(hook, list);
    }
  }

  call<Hook extends HookName>(hook: Hook, argument: HookArgument<Hook>): void {
    const list = this.lists.get(hook);
    if (list === undefined) return;
    for (const { check, visitor } of list) {
      try {
        (visitor[hook] as (value: HookArgument<Hook>) => void).call(visitor, argument);
      } catch (error) {
        this.findings.push(internalErrorFinding(check, hook, error));
      }
    }
  }
}

function internalErrorFinding(check: AnyCheck, step: string, error: unknown): Finding {
  return {
    check: check.id,
    severity: 'warning',
    message: `promgate failed to run \`${check.id}\` (${step}): ${error instanceof Error ? error.message : String(error)}. This is a bug in promgate; the other checks ran.`,
    fix: `Report the bug at ${ISSUES_URL} with the file that triggers it.`,
  };
}

function createContext(
  check: AnyCheck,
  configured: Severity,
  options: unknown,
  repository: Repository,
  findings: Finding[],
  expressions: ExpressionCache,
  policy: Readonly<Policy>,
): CheckContext<unknown> {
  const docs = docsUrl(check.id);
  const push = (file: MonitoringFile | undefined, start: number, end: number, subject: Subject | undefined, report: ReportOptions): void => {
    const severity = report.severity !== undefined && severityRank(report.severity) < severityRank(configured) ? report.severity : configured;
    const finding: Finding = { check: check.id, severity, message: report.message };
    if (file !== undefined) {
      // A position just past a final newline names a line the file does not show; use the last character instead.
      const last = file.source.text.endsWith('\n') ? file.source.text.length - 1 : file.source.text.length;
      const from = file.source.positionAt(Math.min(start, last));
      const to = file.source.positionAt(Math.min(Math.max(start, end), Math.max(last, 0)));
      finding.file = file.path;
      finding.line = from.line;
      finding.column = from.column;
      finding.endLine = to.line;
      finding.endColumn = to.column;
    }
    if (report.fix !== undefined) finding.fix = report.fix;
    if (report.related !== undefined && report.related.length > 0) {
      finding.related = report.related.map(({ file: other, node }) => ({
        file: other.path,
        startLine: other.source.positionAt(node.start).line,
        endLine: other.source.positionAt(Math.max(node.start, node.end - 1)).line,
      }));
    }
    finding.docs = docs;
    if (subject !== undefined) finding.subject = describeSubject(subject);
    findings.push(finding);
  };

  return {
    options,
    repository,
    checkIds: CHECK_IDS,
    policy,
    expression(rule) {
      return expressions.parse(rule);
    },
    reportNode(subject, node, report) {
      push(fileOf(subject), node.start, node.end, subject, report);
    },
    reportRange(subject, start, end, report) {
      push(fileOf(subject), start, end, subject, report);
    },
    reportExpression(rule, start, end, report) {
      const file = rule.group.document.file;
      const node = rule.exprNode;
      if (node === undefined) {
        push(file, rule.nameNode.start, rule.nameNode.end, rule, report);
        return;
      }
      const from = scalarSourceOffset(file.source.text, node, start);
      const to = end > start ? scalarSourceOffset(file.source.text, node, end - 1) + 1 : from;
      push(file, from, to, rule, report);
    },
    reportPullRequest(report) {
      push(undefined, 0, 0, undefined, report);
    },
  };
}

function fileOf(subject: Subject): MonitoringFile {
  if ('source' in subject) return subject;
  if ('group' in subject) return subject.group.document.file;
  return 'file' in subject ? subject.file : subject.document.file;
}

function describeSubject(subject: Subject): FindingSubject {
  const file = fileOf(subject);
  const lines = (start: number, end: number) => ({
    startLine: file.source.positionAt(start).line,
    endLine: file.source.positionAt(Math.max(start, end - 1)).line,
  });
  if ('source' in subject) return { kind: 'file', name: subject.path, startLine: 1, endLine: subject.source.lineCount };
  if ('exprNode' in subject) return { kind: 'rule', name: subject.name, ...lines(subject.node.start, subject.node.end) };
  if ('rules' in subject) return { kind: 'group', name: subject.name, ...lines(subject.node.start, subject.node.end) };
  if ('document' in subject) return { kind: 'job', name: subject.name, ...lines(subject.node.start, subject.node.end) };
  const name = subject.kind === 'rules' && subject.resourceName !== undefined ? subject.resourceName : `document ${subject.yaml.index + 1}`;
  return { kind: 'document', name, ...lines(subject.yaml.start, subject.yaml.end) };
}
