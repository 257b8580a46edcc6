import { generateSloRules } from './generate-slo-rules.js';
import { parseGeneratedHeader, specSha256 } from './generated-header.js';
import { readSloSpecFile } from './read-slo-spec.js';
import type { GeneratedHeader } from './generated-header.js';
import type { SloGenerationDefaults } from './generation-options.js';
import type { SloSpecProblem } from './slo-spec.js';

/**
 * Whether a rule file is up to date with its spec. `not-generated`: no
 * promgate header. `spec-missing`: the header names a spec that does not
 * exist. `spec-changed`: the spec's digest differs from the header's.
 * `spec-invalid`: the spec has problems, so it cannot be regenerated to
 * compare. `hand-edited`: the spec matches but the rules differ from what
 * it generates, at 1-based `line`.
 */
export type GeneratedRulesStatus =
  | { state: 'not-generated' }
  | { state: 'fresh'; header: GeneratedHeader }
  | { state: 'spec-missing'; header: GeneratedHeader }
  | { state: 'spec-changed'; header: GeneratedHeader; specSha256: string }
  | { state: 'spec-invalid'; header: GeneratedHeader; problems: SloSpecProblem[] }
  | { state: 'hand-edited'; header: GeneratedHeader; line: number; expected: string | undefined; actual: string | undefined };

export interface CheckGeneratedRulesInput {
  ruleText: string;
  /** The current text of the spec the header names, or undefined when that file does not exist. */
  specText: string | undefined;
  /** The generation settings of the policy. They must match the ones the file was generated with. */
  defaults?: Partial<SloGenerationDefaults>;
}

/**
 * Checks whether a generated rule file is stale. A changed spec shows in its
 * digest. A hand edit shows when the rules generated again from the
 * unchanged spec differ from the file's text. Line endings are compared as
 * `\n`, so a checkout that converts them to CRLF does not count as an edit.
 */
export function checkGeneratedRules(input: CheckGeneratedRulesInput): GeneratedRulesStatus {
  const header = parseGeneratedHeader(input.ruleText);
  if (header === undefined) return { state: 'not-generated' };
  if (input.specText === undefined) return { state: 'spec-missing', header };

  const digest = specSha256(input.specText);
  if (digest !== header.specSha256) return { state: 'spec-changed', header, specSha256: digest };

  const defaults = input.defaults ?? {};
  const spec = readSloSpecFile(input.specText, defaults.period === undefined ? {} : { defaultPeriod: defaults.period });
  if (spec.problems.length > 0 || spec.specs.length === 0) return { state: 'spec-invalid', header, problems: spec.problems };

  const expected = generateSloRules(spec.specs, { ...defaults, specPath: header.specPath, specSha256: header.specSha256 }).split('\n');
  const actual = input.ruleText.replaceAll('\r\n', '\n').split('\n');
  for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
    if (expected[index] !== actual[index]) {
      return { state: 'hand-edited', header, line: index + 1, expected: expected[index], actual: actual[index] };
    }
  }
  return { state: 'fresh', header };
}
