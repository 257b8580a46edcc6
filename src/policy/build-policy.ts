import * as z from 'zod';
import { findClosestMatch } from './closest-match.js';
import { describeIssue, formatValue } from './describe-issue.js';
import { formatKeyPath } from './key-path.js';
import { mergeValues } from './merge-values.js';
import { PolicyError } from './policy-error.js';
import { CHECK_SWITCH_KEYS, checkSwitchSchema, POLICY_KEYS, policyFileSchema, serviceSchema } from './policy-schema.js';
import { isPlainObject, parsePolicyYaml } from './policy-yaml.js';
import { readDefaultPolicy, shippedPresets } from './shipped-policies.js';
import type { Severity } from '../finding.js';
import type { KeyPath } from './key-path.js';
import type { PolicyProblem } from './policy-error.js';
import type { PolicyLayer, PolicySource } from './policy-yaml.js';
import type { PresetStore } from './shipped-policies.js';
import type { CheckSettings, Policy, ServiceSettings } from './types.js';

/** The part of a check that the policy reads. Every registered check provides it. */
export interface PolicyCheck {
  id: string;
  severity: Severity;
  options: z.ZodType;
}

/** Settings from the command line, which win over every policy file. */
export interface PolicyOverrides {
  failOn?: Severity;
}

export interface BuildPolicyInput {
  /** The registered checks, normally `CHECKS` from the registry. */
  checks: readonly PolicyCheck[];
  /** The defaults, `rules/default.yml` when omitted. */
  defaults?: PolicySource;
  /** The repository's `.github/promgate.yml`, if it has one. */
  policy?: PolicySource;
  overrides?: PolicyOverrides;
  /** The presets that `extends` names, the YAML files in `rules/` when omitted. */
  presets?: PresetStore;
}

/**
 * Builds the policy a run uses: the defaults, then each preset the
 * repository's policy extends, then the repository's policy, merged key by
 * key, then the overrides. Throws a `PolicyError` listing every problem, each
 * with the file and line it comes from.
 */
export function buildPolicy(input: BuildPolicyInput): Policy {
  const { layers, presetProblems } = readLayers(input);
  const merged = layers.reduce<unknown>((value, layer) => mergeValues(value, layer.value), {});
  const problems = new ProblemList(layers);
  // A wrong `extends` entry is reported with the rest, so one run lists every problem.
  problems.addProblems(presetProblems);

  // Each schema parses once per policy, so zod's eval-compiled fast path would cost more to generate than it saves.
  const top = policyFileSchema.safeParse(merged, { reportInput: true, jitless: true });
  if (!top.success) problems.addIssues(top.error.issues, [], merged, POLICY_KEYS);

  // Check blocks are validated even when a top-level key is wrong, so one run lists every problem.
  const blocks = isPlainObject(merged) && isPlainObject(merged.checks) ? merged.checks : undefined;
  const checks = blocks === undefined ? {} : readChecks(input.checks, blocks, problems);
  problems.throwIfAny();

  const file = top.data!;
  return {
    failOn: input.overrides?.failOn ?? file.fail_on,
    include: file.include,
    exclude: file.exclude,
    ...(file.report === undefined ? {} : { report: file.report }),
    ...(file.on_error === undefined ? {} : { onError: file.on_error }),
    ...(file.max_file_bytes === undefined ? {} : { maxFileBytes: file.max_file_bytes }),
    ...(file.services === undefined ? {} : { services: stripUndefined(file.services) }),
    ...(file.slo === undefined ? {} : { slo: file.slo }),
    checks,
  };
}

function readChecks(registered: readonly PolicyCheck[], blocks: Record<string, unknown>, problems: ProblemList): Record<string, CheckSettings> {
  const byId = new Map(registered.map((check) => [check.id, check]));
  const checks: Record<string, CheckSettings> = {};
  for (const [id, raw] of Object.entries(blocks)) {
    const check = byId.get(id);
    if (check === undefined) {
      problems.add(['checks', id], unknownCheckMessage(id, [...byId.keys()]));
      continue;
    }
    const settings = readCheckSettings(check, raw, problems);
    if (settings !== undefined) checks[id] = settings;
  }

  for (const check of registered) {
    if (!Object.hasOwn(blocks, check.id)) {
      // Only the defaults can lack a block, because every other layer is merged over them.
      problems.add(['checks'], `missing settings for the check ${check.id}; add a block for it with enabled, severity and every option's default value.`, 0);
    }
  }
  return checks;
}

/**
 * Parses the defaults, the presets and the repository's policy, in merge
 * order. A file that is not valid YAML stops the build at once; problems
 * with `extends` are returned to be listed with the others.
 */
function readLayers(input: BuildPolicyInput): { layers: PolicyLayer[]; presetProblems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const parse = (source: PolicySource): PolicyLayer | undefined => {
    const parsed = parsePolicyYaml(source);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      return undefined;
    }
    return parsed.layer;
  };

  const defaults = parse(input.defaults ?? readDefaultPolicy());
  const repository = input.policy === undefined ? undefined : parse(input.policy);
  const layers: PolicyLayer[] = [];
  if (defaults !== undefined) layers.push(withoutExtends(defaults, problems));
  if (problems.length > 0) throw new PolicyError(problems);
  const presetProblems: PolicyProblem[] = [];
  if (repository !== undefined) {
    layers.push(...readPresets(repository, input.presets ?? shippedPresets, presetProblems, parse));
    layers.push(withoutExtends(repository));
  }
  // A preset that is not valid YAML is reported like the policy itself: at once.
  if (problems.length > 0) throw new PolicyError([...problems, ...presetProblems]);
  return { layers, presetProblems };
}

function readPresets(repository: PolicyLayer, store: PresetStore, problems: PolicyProblem[], parse: (source: PolicySource) => PolicyLayer | undefined): PolicyLayer[] {
  if (!isPlainObject(repository.value) || !Object.hasOwn(repository.value, 'extends')) return [];
  const problemAt = (path: KeyPath, message: string): void => {
    problems.push({ file: repository.source.path, ...repository.locate(path), keyPath: formatKeyPath(path), message });
  };

  const names = repository.value.extends;
  if (!Array.isArray(names)) {
    problemAt(['extends'], `invalid value ${formatValue(names)}; expected a list of preset names, such as [strict].`);
    return [];
  }

  const presets: PolicyLayer[] = [];
  names.forEach((name: unknown, index) => {
    if (typeof name !== 'string') {
      problemAt(['extends', index], `invalid value ${formatValue(name)}; expected a preset name, such as strict.`);
      return;
    }
    const source = store.read(name);
    if (source === undefined) {
      const known = store.names();
      const closest = findClosestMatch(name, known);
      const hint = closest === undefined ? `the presets are ${known.join(', ') || '(none)'}` : `did you mean ${closest}?`;
      problemAt(['extends', index], `unknown preset ${formatValue(name)}; ${hint}${closest === undefined ? '.' : ''}`);
      return;
    }
    const preset = parse(source);
    if (preset !== undefined) presets.push(withoutExtends(preset, problems));
  });
  return presets;
}

/**
 * Drops `extends` from a layer's value, since only the repository's policy
 * may use it. With `problems`, a layer that sets it is an error.
 */
function withoutExtends(layer: PolicyLayer, problems?: PolicyProblem[]): PolicyLayer {
  if (!isPlainObject(layer.value) || !Object.hasOwn(layer.value, 'extends')) return layer;
  if (problems !== undefined) {
    problems.push({ file: layer.source.path, ...layer.locate(['extends']), keyPath: 'extends', message: 'only a repository policy can extend presets; remove extends here.' });
  }
  const { extends: _ignored, ...rest } = layer.value;
  return { ...layer, value: rest };
}

/** Splits a check's block into `enabled`, `severity` and its options, and validates each part. */
function readCheckSettings(check: PolicyCheck, raw: unknown, problems: ProblemList): CheckSettings | undefined {
  const path = ['checks', check.id];
  if (!isPlainObject(raw)) {
    problems.add(path, `invalid value ${formatValue(raw)}; expected a mapping with enabled, severity and the check's options.`);
    return undefined;
  }

  const { enabled, severity, ...options } = raw;
  const optionKeys = check.options instanceof z.ZodObject ? Object.keys(check.options.shape) : [];
  const switches = checkSwitchSchema.safeParse({ enabled, severity }, { reportInput: true, jitless: true });
  const parsedOptions = check.options.safeParse(options, { reportInput: true, jitless: true });
  if (!switches.success) problems.addIssues(switches.error.issues, path, raw, []);
  if (!parsedOptions.success) problems.addIssues(parsedOptions.error.issues, path, options, [...CHECK_SWITCH_KEYS, ...optionKeys]);
  if (!switches.success || !parsedOptions.success) return undefined;

  return { enabled: switches.data.enabled, severity: switches.data.severity, options: parsedOptions.data as Record<string, unknown> };
}

function unknownCheckMessage(id: string, known: readonly string[]): string {
  const closest = findClosestMatch(id, known);
  if (closest !== undefined) return `unknown check id; did you mean ${closest}?`;
  return 'unknown check id; see rules/default.yml or docs/checks/ for the ids promgate knows.';
}

/** Collects problems found in the merged policy, each traced back to the file that set the value. */
class ProblemList {
  private readonly problems: PolicyProblem[] = [];

  constructor(private readonly layers: readonly PolicyLayer[]) {}

  /**
   * Adds a problem at `path`, in the file that set it or in the layer at
   * `layerIndex` when given.
   */
  add(path: KeyPath, message: string, layerIndex?: number): void {
    const layer = layerIndex === undefined ? this.findLayer(path) : this.layers[layerIndex];
    if (layer === undefined) return;
    this.problems.push({ file: layer.source.path, ...layer.locate(path), keyPath: formatKeyPath(path), message });
  }

  /** Adds zod issues found under `base`. `value` is the data that was validated there. */
  addIssues(issues: readonly z.core.$ZodIssue[], base: KeyPath, value: unknown, allowedKeys: readonly string[]): void {
    for (const issue of issues) {
      const path = [...base, ...(issue.path as KeyPath)];
      if (issue.code === 'unrecognized_keys') {
        let known: readonly string[] = [];
        if (issue.path.length === 0) known = allowedKeys;
        else if (issue.path[0] === 'services' && issue.path.length === 2) known = SERVICE_KEYS;
        for (const key of issue.keys) this.add([...path, key], unknownKeyMessage(key, known));
        continue;
      }
      if (issue.code === 'invalid_key') {
        // A record key that failed its schema: describe the key's own issue, not the record's.
        const keyIssue = issue.issues[0];
        const key = path[path.length - 1];
        const reason = keyIssue?.code === 'invalid_format' || keyIssue?.code === 'custom' ? keyIssue.message : 'the key is not allowed here';
        this.add(path, `invalid value ${formatValue(key)}; ${reason}.`);
        continue;
      }
      if (path.length === 0 && issue.code === 'invalid_type') {
        this.add(path, `invalid value ${formatValue(value)}; a policy is a mapping with keys such as fail_on and checks.`);
        continue;
      }
      this.add(path, describeIssue(issue, hasValueAt(value, issue.path as KeyPath)));
    }
  }

  addProblems(problems: readonly PolicyProblem[]): void {
    this.problems.push(...problems);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new PolicyError(this.problems);
  }

  /**
   * Finds the file to blame for `path`: the last layer that sets it, since
   * later layers win. For a missing key, the layer holding the deepest part of
   * the path, and on a tie the earliest, because a key missing everywhere is
   * missing from the defaults.
   */
  private findLayer(path: KeyPath): PolicyLayer | undefined {
    const setting = this.layers.findLast((layer) => layer.has(path));
    if (setting !== undefined) return setting;

    let best: PolicyLayer | undefined;
    let bestDepth = -1;
    for (const layer of this.layers) {
      let depth = path.length - 1;
      while (depth > 0 && !layer.has(path.slice(0, depth))) depth--;
      if (depth > bestDepth) {
        best = layer;
        bestDepth = depth;
      }
    }
    return best;
  }
}

function unknownKeyMessage(key: string, allowedKeys: readonly string[]): string {
  if (allowedKeys.length === 0) return 'unknown key; remove it, or check its spelling against the docs.';
  const closest = findClosestMatch(key, allowedKeys);
  const allowed = `the keys allowed here are ${allowedKeys.join(', ')}.`;
  if (closest === undefined) return `unknown key; ${allowed}`;
  return `unknown key; did you mean ${closest}? The ${allowed.slice('the '.length)}`;
}

function hasValueAt(value: unknown, path: KeyPath): boolean {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) current = current[segment];
    else return false;
  }
  return current !== undefined;
}

const SERVICE_KEYS = Object.keys(serviceSchema.shape);

/** Drops keys zod left as undefined, so the policy stays plain data with only the keys written. */
function stripUndefined(services: Record<string, Record<string, unknown>>): Record<string, ServiceSettings> {
  return Object.fromEntries(
    Object.entries(services).map(([name, settings]) => [name, Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as ServiceSettings]),
  );
}
