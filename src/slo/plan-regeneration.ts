import { generateSpecFile } from './generate-spec-file.js';
import type { SloGenerationDefaults } from './generation-options.js';
import type { SloSpecProblem } from './slo-spec.js';

export interface RepositoryFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  text: string;
}

export interface RegeneratedFile {
  path: string;
  text: string;
  /** The spec the file is generated from. */
  specPath: string;
  /** Whether the file did not exist before. */
  created: boolean;
}

export interface RegenerationPlan {
  /** Generated files whose content changes; empty when every file is up to date. */
  changes: RegeneratedFile[];
  /** Specs that cannot be generated, with their problems; their rule files are left alone. */
  invalid: { specPath: string; problems: SloSpecProblem[] }[];
  /** Specs whose generated file is already up to date. */
  unchanged: string[];
}

const SPEC_MARKERS = [/^version:\s*["']?prometheus\/v1["']?\s*$/m, /^apiVersion:\s*["']?openslo\/v1["']?\s*$/m];

/**
 * Works out what `/promgate regenerate` writes: for every SLO spec of the
 * repository, the rule file it generates, when that differs from the file
 * in the repository. Specs are recognised by content, as the linter does.
 */
export function planRegeneration(files: readonly RepositoryFile[], defaults: Partial<SloGenerationDefaults>): RegenerationPlan {
  const byPath = new Map(files.map((file) => [file.path, file.text]));
  const plan: RegenerationPlan = { changes: [], invalid: [], unchanged: [] };
  for (const file of [...files].sort((left, right) => left.path.localeCompare(right.path))) {
    if (!SPEC_MARKERS.some((marker) => marker.test(file.text))) continue;
    const result = generateSpecFile({ specPath: file.path, spec: new TextEncoder().encode(file.text), defaults });
    if (!result.ok) {
      plan.invalid.push({ specPath: file.path, problems: result.problems });
      continue;
    }
    const current = byPath.get(result.outputPath);
    if (current === result.text) plan.unchanged.push(file.path);
    else plan.changes.push({ path: result.outputPath, text: result.text, specPath: file.path, created: current === undefined });
  }
  return plan;
}
