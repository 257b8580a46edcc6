import { SourceFile } from '../load/source-file.js';
import { escapeHtml, inlineCode } from '../report/markdown-text.js';
import { plural, shortSha } from './check-run-result.js';
import { fitLinesInComment } from './comment-limits.js';
import { unifiedDiff } from './unified-diff.js';
import type { RegeneratedFile, RegenerationPlan } from '../slo/plan-regeneration.js';

/** Git's advice for a commit subject: at most 72 characters, so tools do not cut it. */
const MAX_SUBJECT_LENGTH = 72;

/** The inputs of a reply about a regeneration, besides its outcome. */
export interface RegenerationReport {
  login: string;
  plan: RegenerationPlan;
  /** Every read file by path, for the line of a spec problem and the old side of a patch. */
  texts: ReadonlyMap<string, string>;
  /** Sentences about files that were not read. */
  notes: readonly string[];
}

/** Writes the message of the regeneration commit: which files it rewrites, from which specs, and who requested it. */
export function regenerationCommitMessage(changes: readonly RegeneratedFile[], login: string, pullRequest: number): string {
  const specs = [...new Set(changes.map((change) => change.specPath))];
  const single = `Regenerate SLO rules of ${specs[0] ?? 'no spec'}`;
  const subject = specs.length === 1 && single.length <= MAX_SUBJECT_LENGTH ? single : `Regenerate SLO rules of ${plural(specs.length, 'spec')}`;
  const body = [
    'These rule files no longer matched what their SLO spec generates.',
    `promgate wrote them as \`promgate generate slo\` does, because ${login}`,
    `commented /promgate regenerate on pull request #${pullRequest}.`,
  ];
  const files = changes.map((change) => `- ${change.path}, from ${change.specPath}`);
  return [subject, body.join('\n'), files.join('\n')].join('\n\n');
}

/** Replies after the push: the commit, each file it rewrites, and the specs that could not be used. */
export function pushedReply(report: RegenerationReport, commitSha: string, branch: string): string {
  const parts = [
    `@${report.login} promgate pushed commit ${inlineCode(shortSha(commitSha))} to ${inlineCode(branch)}, which regenerates ${plural(report.plan.changes.length, 'rule file')}:`,
    changeList(report.plan.changes),
    'promgate reviews the new commit when GitHub reports the push.',
  ];
  return [...parts, ...closingParts(report)].join('\n\n');
}

/** Replies when no rule file differs from what its spec generates. */
export function upToDateReply(report: RegenerationReport, headSha: string): string {
  const at = inlineCode(shortSha(headSha));
  const specs = report.plan.unchanged.length;
  const first =
    specs === 0 && report.plan.invalid.length === 0
      ? `@${report.login} promgate found no SLO spec at ${at}, so it regenerated nothing. A spec is a YAML file that starts with \`version: "prometheus/v1"\` (Sloth) or \`apiVersion: openslo/v1\` (OpenSLO).`
      : `@${report.login} the rule files of ${plural(specs, 'SLO spec')} at ${at} are up to date, so promgate pushed nothing.`;
  return [first, ...closingParts(report)].join('\n\n');
}

/**
 * Replies with the regeneration as a patch, when promgate may not push to
 * the branch. A patch too long for one comment is cut, and the reply gives
 * the command that writes the whole files locally.
 */
export function patchReply(report: RegenerationReport, reason: string): string {
  const changes = report.plan.changes;
  const specs = [...new Set(changes.map((change) => change.specPath))];
  const generate = `promgate generate slo ${specs.join(' ')}`;
  const before = [
    `@${report.login} promgate cannot push to this pull request's branch, because ${reason}`,
    `Apply this patch with \`git apply\`, or run ${inlineCode(generate)} and commit the result. It regenerates:`,
    changeList(changes),
  ].join('\n\n');
  const lines = changes.flatMap((change) => unifiedDiff({ path: change.path, before: change.created ? undefined : report.texts.get(change.path), after: change.text }));
  const cutNote = (leftOut: number): string =>
    `…and ${leftOut.toLocaleString('en-US')} more lines, cut to keep this comment within GitHub's limit. Run ${inlineCode(generate)} to write the whole files.`;
  return fitLinesInComment(before, 'diff', lines, closingParts(report).join('\n\n'), cutNote);
}

function changeList(changes: readonly RegeneratedFile[]): string {
  return changes.map((change) => `- ${inlineCode(change.path)} (${change.created ? 'new' : 'updated'}), from ${inlineCode(change.specPath)}`).join('\n');
}

/** Lists the invalid specs with each problem, then the notes about files that were not read. */
function closingParts(report: RegenerationReport): string[] {
  const parts: string[] = [];
  if (report.plan.invalid.length > 0) {
    const items = report.plan.invalid.map((spec) => {
      const source = new SourceFile(spec.specPath, report.texts.get(spec.specPath) ?? '');
      const problems = spec.problems.map((problem) => `  - line ${source.positionAt(problem.start).line}: ${escapeHtml(problem.message)} ${escapeHtml(problem.fix)}`);
      return [`- ${inlineCode(spec.specPath)}`, ...problems].join('\n');
    });
    parts.push(`These specs are invalid, so promgate left their rule files as they are:\n\n${items.join('\n')}`);
  }
  if (report.notes.length > 0) parts.push(report.notes.join(' '));
  return parts;
}

/** Replies when the base branch's policy cannot be used, since the regeneration settings come from it. */
export function invalidPolicyReply(login: string, policyPath: string, baseRef: string, reason: string): string {
  return [
    `@${login} promgate could not use the policy ${inlineCode(policyPath)} on ${inlineCode(baseRef)}, which sets how SLO rules are generated, so it regenerated nothing:`,
    reason
      .split('\n')
      .map((line) => `> ${escapeHtml(line)}`)
      .join('\n'),
    `Fix ${inlineCode(policyPath)} on ${inlineCode(baseRef)}, then comment \`/promgate regenerate\` again.`,
  ].join('\n\n');
}
