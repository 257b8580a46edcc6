import { truncate } from '../load/schema-problems.js';
import type { GeneratedRulesStatus } from './check-generated-rules.js';

/** A finding about a stale generated rule file: its 1-based line, the message and the fix. */
export interface StaleRulesReport {
  line: number;
  message: string;
  fix: string;
}

const REGENERATE = 'Regenerate this file from the spec with promgate, and commit the spec and the rules together.';

/**
 * Describes a stale generated rule file for the `slo/generated-stale` check.
 * Returns undefined when there is nothing to report: the file is fresh,
 * hand-written, or its spec is invalid, which `slo/spec` reports instead.
 */
export function describeStaleRules(status: GeneratedRulesStatus): StaleRulesReport | undefined {
  switch (status.state) {
    case 'not-generated':
    case 'fresh':
    case 'spec-invalid':
      return undefined;
    case 'spec-missing':
      return {
        line: 1,
        message: `These rules were generated from \`${status.header.specPath}\`, which does not exist.`,
        fix: `Restore \`${status.header.specPath}\`, or delete this file if its SLOs were removed.`,
      };
    case 'spec-changed':
      return {
        line: 1,
        message:
          `These rules were generated from \`${status.header.specPath}\` with sha256 \`${status.header.specSha256.slice(0, 12)}…\`, ` +
          `but the spec's sha256 is now \`${status.specSha256.slice(0, 12)}…\`, so the rules no longer match it.`,
        fix: REGENERATE,
      };
    case 'hand-edited': {
      const expected = status.expected === undefined ? 'the end of the file' : `\`${truncate(status.expected.trim())}\``;
      const actual = status.actual === undefined ? 'the end of the file' : `\`${truncate(status.actual.trim())}\``;
      // A file that ends early has no line `status.line`, so the finding goes on its last line.
      return {
        line: status.actual === undefined ? Math.max(1, status.line - 1) : status.line,
        message:
          `Line ${status.line} differs from what \`${status.header.specPath}\` generates: expected ${expected}, found ${actual}. ` +
          'The file was edited by hand, or generated with other SLO options or another promgate version, and regenerating it will undo the difference.',
        fix: 'Make the change in the spec or in the policy\'s SLO options instead, then regenerate this file.',
      };
    }
  }
}
