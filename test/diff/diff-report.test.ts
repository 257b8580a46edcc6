import { describe, expect, test } from 'vitest';
import { findingRange, planDiffReport } from '../../src/diff/diff-report.js';
import { fileChangeFromPatch, WHOLE_FILE_CHANGE } from '../../src/diff/file-change.js';
import { parsePatch } from '../../src/diff/parse-patch.js';
import { loadPolicy, POLICY_PATH } from '../../src/github/load-policy.js';
import { lint } from '../../src/lint.js';
import type { FileChange, Removal } from '../../src/diff/file-change.js';
import type { Finding, FindingSubject } from '../../src/finding.js';
import type { ReportScope } from '../../src/policy/types.js';

const FILE = 'rules/a.yml';
const RULE_A: FindingSubject = { kind: 'rule', name: 'A', startLine: 3, endLine: 6 };
const RULE_B: FindingSubject = { kind: 'rule', name: 'B', startLine: 7, endLine: 10 };

function finding(line: number, subject: FindingSubject | undefined, overrides: Partial<Finding> = {}): Finding {
  const base: Finding = { check: 'alerts/for', severity: 'warning', file: FILE, line, endLine: line, message: `Problem on line ${line}.` };
  return { ...base, ...(subject === undefined ? {} : { subject }), ...overrides };
}

/** Builds a change from added lines, context lines and removals, by new line number. */
function lines(added: number[], context: number[] = [], removals: Removal[] = []): FileChange {
  return { kind: 'lines', added: new Set(added), removals, commentable: new Set([...added, ...context]) };
}

interface Case {
  name: string;
  finding: Finding;
  changes: Record<string, FileChange>;
  scope?: ReportScope;
  /** `undefined`: pre-existing; otherwise the comment line, or null for a reported finding without a comment. */
  comment: number | null | undefined;
  commentPath?: string;
}

const cases: Case[] = [
  { name: 'changed rule', finding: finding(4, RULE_A), changes: { [FILE]: lines([6]) }, comment: 6 },
  { name: 'unchanged rule', finding: finding(8, RULE_B), changes: { [FILE]: lines([6]) }, comment: undefined },
  { name: 'last changed line of the rule', finding: finding(4, RULE_A), changes: { [FILE]: lines([4, 5, 9]) }, comment: 5 },
  {
    name: 'rule changed by a removal',
    finding: finding(4, RULE_A),
    changes: { [FILE]: lines([], [5, 6, 7], [{ after: 6, belongsTo: 'above' }]) },
    comment: 6,
  },
  {
    name: 'removal nearest the finding',
    finding: finding(4, RULE_A),
    changes: { [FILE]: lines([], [3, 4, 5, 6], [{ after: 3, belongsTo: 'above' }, { after: 5, belongsTo: 'above' }]) },
    comment: 4,
  },
  { name: 'removal without commentable line', finding: finding(4, RULE_A), changes: { [FILE]: lines([], [], [{ after: 4, belongsTo: 'above' }]) }, comment: null },
  { name: 'own lines without subject', finding: finding(12, { kind: 'document', name: 'document 1', startLine: 1, endLine: 20 }), changes: { [FILE]: lines([5]) }, comment: undefined },
  { name: 'own changed line without subject', finding: finding(12, undefined), changes: { [FILE]: lines([12, 19]) }, comment: 12 },
  { name: 'file finding without line', finding: finding(1, undefined, { line: undefined, endLine: undefined }), changes: { [FILE]: lines([3, 9]) }, comment: 9 },
  { name: 'file finding in unchanged file', finding: finding(1, undefined, { line: undefined, endLine: undefined }), changes: {}, comment: undefined },
  { name: 'pull request finding', finding: { check: 'slo/coverage', severity: 'warning', message: 'No SLO.' }, changes: {}, comment: null },
  { name: 'unchanged file', finding: finding(4, RULE_A), changes: { 'rules/b.yml': lines([4]) }, comment: undefined },
  { name: 'file without diff', finding: finding(4, RULE_A), changes: { [FILE]: WHOLE_FILE_CHANGE }, comment: null },
  {
    name: 'group changed anywhere',
    finding: finding(2, { kind: 'group', name: 'api', startLine: 1, endLine: 10 }),
    changes: { [FILE]: lines([9]) },
    comment: 9,
  },
  {
    name: 'related location changed',
    finding: finding(4, RULE_A, { related: [{ file: 'prometheus.yml', startLine: 20, endLine: 24 }] }),
    changes: { 'prometheus.yml': lines([22, 30]) },
    comment: 22,
    commentPath: 'prometheus.yml',
  },
  { name: 'related location unchanged', finding: finding(4, RULE_A, { related: [{ file: 'prometheus.yml', startLine: 20, endLine: 24 }] }), changes: { 'prometheus.yml': lines([30]) }, comment: undefined },
  { name: 'scope all reports unchanged rule', finding: finding(8, RULE_B), changes: { [FILE]: lines([6]) }, scope: 'all', comment: null },
  { name: 'scope all keeps comments', finding: finding(4, RULE_A), changes: { [FILE]: lines([6]) }, scope: 'all', comment: 6 },
];

describe('planDiffReport', () => {
  test.each(cases)('$name', ({ finding: input, changes, scope, comment, commentPath }) => {
    const report = planDiffReport({ findings: [input], changes: new Map(Object.entries(changes)), scope: scope ?? 'changed' });

    if (comment === undefined) {
      expect(report.reported).toEqual([]);
      expect(report.preExisting).toEqual([input]);
      return;
    }
    expect(report.preExisting).toEqual([]);
    expect(report.reported).toHaveLength(1);
    expect(report.reported[0]?.finding).toBe(input);
    expect(report.reported[0]?.comment).toEqual(comment === null ? undefined : { path: commentPath ?? FILE, line: comment });
  });

  test('related side is the changed range', () => {
    const related = { file: 'prometheus.yml', startLine: 20, endLine: 24 };
    const report = planDiffReport({ findings: [finding(4, RULE_A, { related: [related] })], changes: new Map([['prometheus.yml', lines([21])]]), scope: 'changed' });
    expect(report.reported[0]?.changedRange).toEqual(related);
  });

  test('order is kept', () => {
    const findings = [finding(8, RULE_B), finding(4, RULE_A), finding(9, RULE_B)];
    const report = planDiffReport({ findings, changes: new Map([[FILE, lines([8])]]), scope: 'changed' });
    expect(report.reported.map((entry) => entry.finding)).toEqual([findings[0], findings[2]]);
    expect(report.preExisting).toEqual([findings[1]]);
  });
});

describe('findingRange', () => {
  test.each([
    ['rule subject', finding(4, RULE_A), { file: FILE, startLine: 3, endLine: 6 }],
    ['job subject', finding(4, { kind: 'job', name: 'api', startLine: 2, endLine: 9 }), { file: FILE, startLine: 2, endLine: 9 }],
    ['file subject uses own lines', finding(4, { kind: 'file', name: FILE, startLine: 1, endLine: 30 }, { endLine: 5 }), { file: FILE, startLine: 4, endLine: 5 }],
    ['no line', finding(4, undefined, { line: undefined, endLine: undefined }), { file: FILE, startLine: 1, endLine: Number.POSITIVE_INFINITY }],
    ['no file', { check: 'slo/coverage', severity: 'warning', message: 'No SLO.' } satisfies Finding, undefined],
  ] as const)('%s', (_name, input, expected) => {
    expect(findingRange(input)).toEqual(expected);
  });
});

describe('planDiffReport with lint findings', () => {
  // Two alerts without `for`; the change adds a label to the second one only.
  const text = [
    'groups:',
    '  - name: api',
    '    rules:',
    '      - alert: ApiDown',
    '        expr: up{job="api"} == 0',
    '      - alert: WorkerDown',
    '        expr: up{job="worker"} == 0',
    '        labels:',
    '          team: core',
    '',
  ].join('\n');
  const patch = parsePatch(['@@ -6,2 +6,4 @@', '       - alert: WorkerDown', '         expr: up{job="worker"} == 0', '+        labels:', '+          team: core'].join('\n'));

  test('only the changed alert is reported', () => {
    const { findings } = lint({ files: [{ path: FILE, text }], policy: loadPolicy(undefined, POLICY_PATH) });
    const report = planDiffReport({ findings, changes: new Map([[FILE, fileChangeFromPatch(patch)]]), scope: 'changed' });

    expect(new Set(report.reported.map((entry) => entry.finding.subject?.name))).toEqual(new Set(['WorkerDown']));
    expect(new Set(report.preExisting.map((entry) => entry.subject?.name))).toEqual(new Set(['ApiDown']));
    expect(report.reported.map((entry) => entry.comment)).toEqual(report.reported.map(() => ({ path: FILE, line: 9 })));
    expect(report.reported.length).toBeGreaterThan(0);
  });
});
