import { asMap, getText } from '../load/yaml-access.js';
import { parseYaml } from '../load/yaml-tree.js';
import { readOpenSloSpec } from './read-openslo-spec.js';
import { readSlothSpec } from './read-sloth-spec.js';
import { DEFAULT_SLO_PERIOD } from './slo-spec.js';
import { SpecReader } from './spec-reader.js';
import { validateSloSpecs } from './validate-slo-spec.js';
import type { SloPeriod, SloSpec, SloSpecFormat, SloSpecProblem } from './slo-spec.js';
import type { YamlDocument, YamlNode } from '../load/yaml-tree.js';

/** The specs read from one file, and every problem found in them. */
export interface SloSpecFile {
  specs: SloSpec[];
  /** Problems sorted by position. Generate rules only from a file without any. */
  problems: SloSpecProblem[];
}

export interface ReadSpecOptions {
  /** The period of SLOs whose spec sets none, which decides the burn-rate thresholds checked. */
  defaultPeriod?: SloPeriod;
}

/**
 * Detects an SLO spec document by its content: Sloth's `version:
 * prometheus/v1`, or OpenSLO's `apiVersion: openslo/v1` with `kind: SLO`.
 */
export function detectSloSpecFormat(root: YamlNode | undefined): SloSpecFormat | undefined {
  const map = asMap(root);
  if (map === undefined) return undefined;
  if (getText(map, 'version') === 'prometheus/v1') return 'prometheus/v1';
  if (getText(map, 'apiVersion') === 'openslo/v1' && getText(map, 'kind') === 'SLO') return 'openslo/v1';
  return undefined;
}

/** Reads and validates the SLO spec documents among a file's parsed documents. Other documents are skipped. */
export function readSloSpecs(documents: readonly YamlDocument[], text: string, options: ReadSpecOptions = {}): SloSpecFile {
  const reader = new SpecReader(text);
  const specs: SloSpec[] = [];
  for (const document of documents) {
    const format = detectSloSpecFormat(document.root);
    const root = asMap(document.root);
    if (format === undefined || root === undefined) continue;
    const spec = format === 'prometheus/v1' ? readSlothSpec(root, document.index, reader) : readOpenSloSpec(root, document.index, reader);
    if (spec !== undefined) specs.push(spec);
  }

  const problems = [...reader.problems, ...validateSloSpecs(specs, { text, defaultPeriod: options.defaultPeriod ?? DEFAULT_SLO_PERIOD })];
  problems.sort((left, right) => left.start - right.start || left.end - right.end);
  return { specs, problems };
}

/** Parses a spec file and reads every SLO spec in it, with YAML syntax errors as problems. */
export function readSloSpecFile(text: string, options: ReadSpecOptions = {}): SloSpecFile {
  const parsed = parseYaml(text);
  const file = readSloSpecs(parsed.documents, text, options);
  const syntaxProblems = parsed.errors.map((error) => ({
    start: error.offset,
    end: error.offset,
    message: `Invalid YAML: ${error.message}.`,
    fix: 'Fix the YAML syntax; promgate reads no SLO from the broken part of the file.',
  }));
  file.problems = [...syntaxProblems, ...file.problems].sort((left, right) => left.start - right.start || left.end - right.end);
  return file;
}
