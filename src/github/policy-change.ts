import { DOCS_BASE_URL } from '../finding.js';
import { PolicyError } from '../policy/policy-error.js';
import { inlineCode } from '../report/markdown-text.js';
import type { Finding } from '../finding.js';
import type { ChangedFile } from './candidate-files.js';
import type { PolicyLoader } from './load-policy.js';

/** The check id of findings on an invalid policy file in a pull request. It is not a check the policy can switch off. */
export const POLICY_FILE_CHECK = 'promgate/policy-file';

const POLICY_DOCS_URL = DOCS_BASE_URL.replace(/\/checks$/, '/policy.md');

export interface PolicyChange {
  findings: Finding[];
  note: string;
}

/**
 * Checks the policy file a pull request adds or edits. The pull request is
 * still judged by the base branch's policy, so its edit takes effect only
 * after merge, but an invalid new policy is reported on the file so that it
 * is not merged broken.
 */
export function reviewPolicyChange(file: ChangedFile, headText: string | undefined, loadPolicy: PolicyLoader, baseRef: string): PolicyChange {
  const path = inlineCode(file.path);
  const base = inlineCode(baseRef);
  if (file.status === 'removed') {
    return { findings: [], note: `This pull request deletes ${path}. promgate judged it by the policy on ${base}; after the merge, the default policy applies.` };
  }

  const note = `This pull request changes ${path}. promgate judged it by the policy on ${base}, because a pull request must not change the gate that judges it; the new policy takes effect after the merge.`;
  if (headText === undefined) return { findings: [], note };
  try {
    loadPolicy(headText, file.path);
    return { findings: [], note };
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const findings = error.problems.map((problem): Finding => {
      const inFile = problem.file === file.path;
      const keyPath = problem.keyPath === '' ? '' : `${inlineCode(problem.keyPath)}: `;
      return {
        check: POLICY_FILE_CHECK,
        severity: 'error',
        file: file.path,
        line: inFile ? problem.line : 1,
        column: inFile ? problem.column : 1,
        endLine: inFile ? problem.line : 1,
        message: `The new policy is invalid: ${keyPath}${problem.message}${inFile ? '' : ` (in ${inlineCode(problem.file)})`}`,
        fix: `Correct ${inlineCode(file.path)} before merging; promgate would fail every pull request against a branch with an invalid policy.`,
        docs: POLICY_DOCS_URL,
      };
    });
    return { findings, note: `${note} The new policy is invalid; the findings on ${path} name each problem.` };
  }
}
