import { generateSloRules } from './generate-slo-rules.js';
import { specSha256 } from './generated-header.js';
import { readSloSpecFile } from './read-slo-spec.js';
import type { SloGenerationDefaults } from './generation-options.js';
import type { SloSpecProblem } from './slo-spec.js';

export interface GenerateSpecFileInput {
  /** The spec's path relative to the repository root, with `/` separators. */
  specPath: string;
  /** The spec file's content. Pass its bytes when at hand, so that the digest is the file's own. */
  spec: string | Uint8Array;
  defaults?: Partial<SloGenerationDefaults>;
}

export type GenerateSpecFileResult = { ok: true; outputPath: string; text: string } | { ok: false; problems: SloSpecProblem[] };

/**
 * Generates the rule file of one spec file, as `promgate generate` and the
 * regenerate command need it: the rules and where to write them, or the
 * spec's problems when it is invalid or contains no SLO spec.
 */
export function generateSpecFile(input: GenerateSpecFileInput): GenerateSpecFileResult {
  const text = typeof input.spec === 'string' ? input.spec : new TextDecoder().decode(input.spec);
  const defaults = input.defaults ?? {};
  const file = readSloSpecFile(text, defaults.period === undefined ? {} : { defaultPeriod: defaults.period });
  if (file.problems.length > 0) return { ok: false, problems: file.problems };
  if (file.specs.length === 0) {
    return {
      ok: false,
      problems: [
        {
          start: 0,
          end: 0,
          message: `\`${input.specPath}\` contains no SLO spec.`,
          fix: 'Start the document with `version: "prometheus/v1"` for a Sloth spec, or with `apiVersion: openslo/v1` and `kind: SLO` for OpenSLO.',
        },
      ],
    };
  }

  const rules = generateSloRules(file.specs, { ...defaults, specPath: input.specPath, specSha256: specSha256(input.spec) });
  return { ok: true, outputPath: generatedRulesPath(input.specPath), text: rules };
}

/** Returns where the rules of a spec go: next to it, `.rules.yml` in place of its extension. */
export function generatedRulesPath(specPath: string): string {
  const slash = specPath.lastIndexOf('/');
  const name = specPath.slice(slash + 1);
  const base = name.replace(/\.(?:ya?ml)$/i, '');
  return `${specPath.slice(0, slash + 1)}${base === '' ? name : base}.rules.yml`;
}
