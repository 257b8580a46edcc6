import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { buildPolicy } from '../../src/policy/build-policy.js';
import { PolicyError } from '../../src/policy/policy-error.js';
import type { PolicyCheck, PolicyOverrides } from '../../src/policy/build-policy.js';
import type { PresetStore } from '../../src/policy/shipped-policies.js';
import type { Policy } from '../../src/policy/types.js';

const CHECKS: PolicyCheck[] = [
  {
    id: 'labels/env',
    severity: 'warning',
    options: z.strictObject({ allowed_values: z.array(z.string().min(1)).min(1), env_source: z.enum(['auto', 'targets', 'external_labels']) }),
  },
  { id: 'naming/counter-suffix', severity: 'warning', options: z.strictObject({ exporter_patterns: z.array(z.string()) }) },
  { id: 'yaml/syntax', severity: 'error', options: z.strictObject({}) },
];

const DEFAULTS = `fail_on: error
include: ["**/*.yml", "**/*.yaml"]
exclude: []
checks:
  labels/env:
    enabled: true
    severity: warning
    allowed_values: [dev, staging, prod]
    env_source: auto
  naming/counter-suffix:
    enabled: true
    severity: warning
    exporter_patterns: []
  yaml/syntax:
    enabled: true
    severity: error
`;

const PRESETS: Record<string, string> = {
  strict: 'fail_on: warning\nchecks:\n  yaml/syntax:\n    severity: error\n',
  relaxed: 'fail_on: error\nchecks:\n  labels/env:\n    enabled: false\n',
  recursive: 'extends: [strict]\n',
  broken: 'fail_on: [\n',
};

const presets: PresetStore = {
  read: (name) => (PRESETS[name] === undefined ? undefined : { path: `rules/${name}.yml`, text: PRESETS[name] }),
  names: () => Object.keys(PRESETS).sort(),
};

function build(policyText: string | undefined, overrides?: PolicyOverrides, defaults = DEFAULTS): Policy {
  return buildPolicy({
    checks: CHECKS,
    defaults: { path: 'rules/default.yml', text: defaults },
    ...(policyText === undefined ? {} : { policy: { path: '.github/promgate.yml', text: policyText } }),
    ...(overrides === undefined ? {} : { overrides }),
    presets,
  });
}

/** Builds the policy and returns the error's lines, or fails when the policy is valid. */
function problemsOf(policyText: string, defaults = DEFAULTS): string[] {
  try {
    build(policyText, undefined, defaults);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const [heading, ...lines] = error.message.split('\n');
    expect(heading).toBe('the policy is invalid:');
    return lines;
  }
  throw new Error('expected the policy to be invalid');
}

const DEFAULT_ENV = { enabled: true, severity: 'warning', options: { allowed_values: ['dev', 'staging', 'prod'], env_source: 'auto' } };

interface ValidCase {
  name: string;
  policy: string | undefined;
  overrides?: PolicyOverrides;
  expected: Partial<Policy>;
}

const validCases: ValidCase[] = [
  {
    name: 'no policy file',
    policy: undefined,
    expected: {
      failOn: 'error',
      include: ['**/*.yml', '**/*.yaml'],
      exclude: [],
      checks: {
        'labels/env': DEFAULT_ENV,
        'naming/counter-suffix': { enabled: true, severity: 'warning', options: { exporter_patterns: [] } },
        'yaml/syntax': { enabled: true, severity: 'error', options: {} },
      } as Policy['checks'],
    },
  },
  { name: 'empty file', policy: '', expected: { failOn: 'error', include: ['**/*.yml', '**/*.yaml'] } },
  { name: 'comments only', policy: '# nothing set yet\n', expected: { failOn: 'error' } },
  { name: 'fail_on warning', policy: 'fail_on: warning\n', expected: { failOn: 'warning' } },
  { name: 'include replaces the list', policy: 'include: ["rules/**"]\n', expected: { include: ['rules/**'] } },
  { name: 'exclude replaces the list', policy: 'exclude: ["vendor/**", "**/generated/*.yml"]\n', expected: { exclude: ['vendor/**', '**/generated/*.yml'] } },
  {
    name: 'severity keeps options',
    policy: 'checks:\n  labels/env:\n    severity: error\n',
    expected: { checks: expect.objectContaining({ 'labels/env': { ...DEFAULT_ENV, severity: 'error' } }) as Policy['checks'] },
  },
  {
    name: 'option list replaced',
    policy: 'checks:\n  labels/env:\n    allowed_values: [prod]\n',
    expected: { checks: expect.objectContaining({ 'labels/env': { ...DEFAULT_ENV, options: { allowed_values: ['prod'], env_source: 'auto' } } }) as Policy['checks'] },
  },
  {
    name: 'check disabled',
    policy: 'checks:\n  naming/counter-suffix:\n    enabled: false\n',
    expected: { checks: expect.objectContaining({ 'naming/counter-suffix': { enabled: false, severity: 'warning', options: { exporter_patterns: [] } } }) as Policy['checks'] },
  },
  {
    name: 'options beside enabled',
    policy: 'checks:\n  naming/counter-suffix:\n    enabled: true\n    severity: info\n    exporter_patterns: ["node_vmstat_*", "pg_stat_*"]\n',
    expected: {
      checks: expect.objectContaining({ 'naming/counter-suffix': { enabled: true, severity: 'info', options: { exporter_patterns: ['node_vmstat_*', 'pg_stat_*'] } } }) as Policy['checks'],
    },
  },
  { name: 'extends a preset', policy: 'extends: [strict]\n', expected: { failOn: 'warning' } },
  { name: 'policy wins over preset', policy: 'extends: [strict]\nfail_on: info\n', expected: { failOn: 'info' } },
  {
    name: 'later preset wins',
    policy: 'extends: [strict, relaxed]\n',
    expected: { failOn: 'error', checks: expect.objectContaining({ 'labels/env': { ...DEFAULT_ENV, enabled: false } }) as Policy['checks'] },
  },
  { name: 'report all', policy: 'report: all\non_error: neutral\nmax_file_bytes: 2048\n', expected: { report: 'all', onError: 'neutral', maxFileBytes: 2048 } },
  { name: 'flag wins over policy', policy: 'fail_on: info\n', overrides: { failOn: 'warning' }, expected: { failOn: 'warning' } },
  { name: 'flag without policy', policy: undefined, overrides: { failOn: 'info' }, expected: { failOn: 'info' } },
  {
    name: 'anchors and aliases',
    policy: 'include: &globs ["a/**"]\nexclude: *globs\n',
    expected: { include: ['a/**'], exclude: ['a/**'] },
  },
];

interface InvalidCase {
  name: string;
  policy: string;
  defaults?: string;
  errors: string[];
}

const invalidCases: InvalidCase[] = [
  {
    name: 'unknown service key',
    policy: 'services:\n  checkout:\n    path: ["src/**"]\n',
    errors: ['.github/promgate.yml:3:5: services.checkout.path: unknown key; did you mean paths? The keys allowed here are paths, job, selector, monitoring.'],
  },
  {
    name: 'service selector not PromQL',
    policy: 'services:\n  ok:\n    selector: "{{"\n',
    errors: ['.github/promgate.yml:3:5: services.ok.selector: invalid value "{{"; expected a PromQL selector with equality matchers, such as {service="checkout"}.'],
  },
  {
    name: 'service name with capitals',
    policy: 'services:\n  Checkout: {}\n',
    errors: ['.github/promgate.yml:2:3: services.Checkout: invalid value "Checkout"; service names use lower-case letters, digits, `_` and `-`.'],
  },
  {
    name: 'unknown severity',
    policy: 'checks:\n  labels/env:\n    severity: critical\n',
    errors: ['.github/promgate.yml:3:5: checks.labels/env.severity: invalid value "critical"; expected one of error, warning, info.'],
  },
  {
    name: 'enabled not boolean',
    policy: 'checks:\n  labels/env:\n    enabled: "no"\n',
    errors: ['.github/promgate.yml:3:5: checks.labels/env.enabled: invalid value "no"; expected true or false.'],
  },
  {
    name: 'list item of wrong type',
    policy: 'checks:\n  labels/env:\n    allowed_values: [dev, 7]\n',
    errors: ['.github/promgate.yml:3:27: checks.labels/env.allowed_values[1]: invalid value 7; expected a string.'],
  },
  {
    name: 'empty list item',
    policy: 'checks:\n  labels/env:\n    allowed_values:\n      - prod\n      - ""\n',
    errors: ['.github/promgate.yml:5:9: checks.labels/env.allowed_values[1]: invalid value ""; expected a non-empty string.'],
  },
  {
    name: 'empty option list',
    policy: 'checks:\n  labels/env:\n    allowed_values: []\n',
    errors: ['.github/promgate.yml:3:5: checks.labels/env.allowed_values: invalid value []; expected at least 1 item.'],
  },
  {
    name: 'option enum',
    policy: 'checks:\n  labels/env:\n    env_source: labels\n',
    errors: ['.github/promgate.yml:3:5: checks.labels/env.env_source: invalid value "labels"; expected one of auto, targets, external_labels.'],
  },
  {
    name: 'misspelt option',
    policy: 'checks:\n  labels/env:\n    allowed_value: [prod]\n',
    errors: [
      '.github/promgate.yml:3:5: checks.labels/env.allowed_value: unknown key; did you mean allowed_values? The keys allowed here are enabled, severity, allowed_values, env_source.',
    ],
  },
  {
    name: 'misspelt severity key',
    policy: 'checks:\n  yaml/syntax:\n    severty: error\n',
    errors: ['.github/promgate.yml:3:5: checks.yaml/syntax.severty: unknown key; did you mean severity? The keys allowed here are enabled, severity.'],
  },
  {
    name: 'misspelt check id',
    policy: 'checks:\n  naming/counter-sufix:\n    enabled: false\n',
    errors: ['.github/promgate.yml:2:3: checks.naming/counter-sufix: unknown check id; did you mean naming/counter-suffix?'],
  },
  {
    name: 'check id without area',
    policy: 'checks:\n  counter-suffix:\n    enabled: false\n',
    errors: ['.github/promgate.yml:2:3: checks.counter-suffix: unknown check id; did you mean naming/counter-suffix?'],
  },
  {
    name: 'unrelated check id',
    policy: 'checks:\n  slo/coverage: {}\n',
    errors: ['.github/promgate.yml:2:3: checks.slo/coverage: unknown check id; see rules/default.yml or docs/checks/ for the ids promgate knows.'],
  },
  {
    name: 'proto as check id',
    policy: 'checks:\n  __proto__:\n    enabled: false\n',
    errors: ['.github/promgate.yml:2:3: checks.__proto__: unknown check id; see rules/default.yml or docs/checks/ for the ids promgate knows.'],
  },
  {
    name: 'check block null',
    policy: 'checks:\n  yaml/syntax:\n',
    errors: ['.github/promgate.yml:2:3: checks.yaml/syntax: invalid value null; expected a mapping with enabled, severity and the check\'s options.'],
  },
  {
    name: 'checks not a mapping',
    policy: 'checks: [yaml/syntax]\n',
    errors: ['.github/promgate.yml:1:1: checks: invalid value ["yaml/syntax"]; expected a mapping.'],
  },
  {
    name: 'camelCase top-level key',
    policy: 'failOn: warning\n',
    errors: ['.github/promgate.yml:1:1: failOn: unknown key; did you mean fail_on? The keys allowed here are extends, fail_on, include, exclude, report, on_error, max_file_bytes, slo, services, checks.'],
  },
  {
    name: 'unknown top-level key',
    policy: 'rules: []\n',
    errors: ['.github/promgate.yml:1:1: rules: unknown key; the keys allowed here are extends, fail_on, include, exclude, report, on_error, max_file_bytes, slo, services, checks.'],
  },
  {
    name: 'fail_on value',
    policy: 'fail_on: critical\n',
    errors: ['.github/promgate.yml:1:1: fail_on: invalid value "critical"; expected one of error, warning, info.'],
  },
  {
    name: 'report value',
    policy: 'report: new\n',
    errors: ['.github/promgate.yml:1:1: report: invalid value "new"; expected one of changed, all.'],
  },
  {
    name: 'max_file_bytes zero',
    policy: 'max_file_bytes: 0\n',
    errors: ['.github/promgate.yml:1:1: max_file_bytes: invalid value 0; expected a number > 0.'],
  },
  {
    name: 'include empty',
    policy: 'include: []\n',
    errors: ['.github/promgate.yml:1:1: include: invalid value []; expected at least 1 item.'],
  },
  {
    name: 'glob with dot slash',
    policy: 'include:\n  - "**/*.yml"\n  - ./rules/**\n',
    errors: ['.github/promgate.yml:3:5: include[1]: invalid value "./rules/**"; globs match paths relative to the repository root, so write "rules/**".'],
  },
  {
    name: 'absolute glob',
    policy: 'exclude: [/vendor/**]\n',
    errors: ['.github/promgate.yml:1:11: exclude[0]: invalid value "/vendor/**"; globs match paths relative to the repository root, so write "vendor/**".'],
  },
  {
    name: 'exclude without value',
    policy: 'exclude:\n',
    errors: ['.github/promgate.yml:1:1: exclude: invalid value null; expected a list.'],
  },
  {
    name: 'root is a list',
    policy: '- fail_on: error\n',
    errors: ['.github/promgate.yml:1:1: invalid value [{"fail_on":"error"}]; a policy is a mapping with keys such as fail_on and checks.'],
  },
  {
    name: 'root is a scalar',
    policy: 'strict\n',
    errors: ['.github/promgate.yml:1:1: invalid value "strict"; a policy is a mapping with keys such as fail_on and checks.'],
  },
  {
    name: 'invalid YAML',
    policy: 'checks:\n  labels/env: {severity: error\n',
    errors: ['.github/promgate.yml:3:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }.'],
  },
  {
    name: 'duplicate key',
    policy: 'fail_on: error\nfail_on: warning\n',
    errors: ['.github/promgate.yml:2:1: invalid YAML: Map keys must be unique.'],
  },
  {
    name: 'unknown preset',
    policy: 'extends: [strikt]\n',
    errors: ['.github/promgate.yml:1:11: extends[0]: unknown preset "strikt"; did you mean strict?'],
  },
  {
    name: 'unrelated preset',
    policy: 'extends: [kubernetes]\n',
    errors: ['.github/promgate.yml:1:11: extends[0]: unknown preset "kubernetes"; the presets are broken, recursive, relaxed, strict.'],
  },
  {
    name: 'extends not a list',
    policy: 'extends: strict\n',
    errors: ['.github/promgate.yml:1:1: extends: invalid value "strict"; expected a list of preset names, such as [strict].'],
  },
  {
    name: 'preset name not a string',
    policy: 'extends: [strict, {a: 1}]\n',
    errors: ['.github/promgate.yml:1:19: extends[1]: invalid value {"a":1}; expected a preset name, such as strict.'],
  },
  {
    name: 'preset that extends',
    policy: 'extends: [recursive]\n',
    errors: ['rules/recursive.yml:1:1: extends: only a repository policy can extend presets; remove extends here.'],
  },
  {
    name: 'preset with invalid YAML',
    policy: 'extends: [broken]\n',
    errors: ['rules/broken.yml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].'],
  },
  {
    name: 'problems sorted by line',
    policy: 'fail_on: never\nchecks:\n  labels/env:\n    severity: high\n    enabled: 1\nexclude: {}\n',
    errors: [
      '.github/promgate.yml:1:1: fail_on: invalid value "never"; expected one of error, warning, info.',
      '.github/promgate.yml:4:5: checks.labels/env.severity: invalid value "high"; expected one of error, warning, info.',
      '.github/promgate.yml:5:5: checks.labels/env.enabled: invalid value 1; expected true or false.',
      '.github/promgate.yml:6:1: exclude: invalid value {}; expected a list.',
    ],
  },
  {
    name: 'defaults missing an option',
    policy: 'checks:\n  labels/env:\n    severity: error\n',
    defaults: DEFAULTS.replace('    env_source: auto\n', ''),
    errors: ['rules/default.yml:5:3: checks.labels/env.env_source: missing required key; add it with one of auto, targets, external_labels.'],
  },
  {
    name: 'defaults missing a check',
    policy: '',
    defaults: DEFAULTS.replace('  yaml/syntax:\n    enabled: true\n    severity: error\n', ''),
    errors: ['rules/default.yml:4:1: checks: missing settings for the check yaml/syntax; add a block for it with enabled, severity and every option\'s default value.'],
  },
];

describe('buildPolicy', () => {
  it.each(validCases)('valid: $name', ({ policy, overrides, expected }) => {
    expect(build(policy, overrides)).toMatchObject(expected);
  });

  it.each(invalidCases)('invalid: $name', ({ policy, defaults, errors }) => {
    expect(problemsOf(policy, defaults)).toEqual(errors);
  });

  it('has unique case names', () => {
    const names = [...validCases, ...invalidCases].map((testCase) => testCase.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('throws a user error with exit code 2', () => {
    let caught: unknown;
    try {
      build('fail_on: nope\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(2);
    expect((caught as PolicyError).problems).toEqual([
      { file: '.github/promgate.yml', line: 1, column: 1, keyPath: 'fail_on', message: 'invalid value "nope"; expected one of error, warning, info.' },
    ]);
  });

  it('builds from custom checks', () => {
    const policy = buildPolicy({ checks: [{ id: 'yaml/syntax', severity: 'error', options: z.strictObject({}) }], defaults: { path: 'd.yml', text: DEFAULTS.replace(/  labels\/env:[\s\S]*?(?=  yaml\/syntax)/, '') } });
    expect(policy.checks['yaml/syntax']).toEqual({ enabled: true, severity: 'error', options: {} });
  });

  it('applies option schema defaults', () => {
    const check: PolicyCheck = { id: 'yaml/syntax', severity: 'error', options: z.strictObject({ max_depth: z.number().default(100) }) };
    const policy = buildPolicy({ checks: [check], defaults: { path: 'd.yml', text: 'fail_on: error\ninclude: ["**"]\nexclude: []\nchecks:\n  yaml/syntax:\n    enabled: true\n    severity: error\n' } });
    expect(policy.checks['yaml/syntax']?.options).toEqual({ max_depth: 100 });
  });
});
