import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateSarifSchema } from '../report/validate-sarif-schema.js';
import { PACKAGE_ROOT } from './build-cli.js';
import { alertLine, API_RULES_ERRORS_CHANGED, BASE_FILES } from './ci-fixture.js';
import { createGitRepo } from './git-repo.js';
import type { GitRepo } from './git-repo.js';
import { createTempTree } from './temp-tree.js';

interface ActionStep {
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface ActionDefinition {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const ACTION = parse(readFileSync(join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as ActionDefinition;

/**
 * A stand-in for npx: it checks that the action runs the package it was
 * checked out as, then runs promgate from the sources, so the test needs
 * neither `npm ci` nor a build.
 */
const FAKE_NPX = `#!/usr/bin/env bash
if [ "$1" != "--yes" ] || [ "$2" != "--package=$GITHUB_ACTION_PATH" ] || [ "$3" != "--" ] || [ "$4" != "promgate" ]; then
  echo "unexpected npx arguments: $*" >&2
  exit 97
fi
shift 4
exec "$GITHUB_ACTION_PATH/node_modules/.bin/tsx" "$GITHUB_ACTION_PATH/test/cli/promgate-from-source.ts" "$@"
`;

/**
 * Runs the action's lint step in `cwd` with the inputs as GitHub passes them:
 * as environment variables, with defaults. `pullRequestBase` is the base
 * commit of the pull request event, empty for other events.
 */
function runLintStep(cwd: string, inputs: Record<string, string>, pullRequestBase = ''): { code: number | null; stdout: string; stderr: string } {
  const step = ACTION.runs.steps.find((candidate) => candidate.name === 'Lint the change')!;
  const evaluate = (value: string): string => value.replace('${{ github.event.pull_request.base.sha }}', pullRequestBase);
  const values = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, inputs[name] ?? evaluate(input.default ?? '')]));
  // The runner evaluates `${{ inputs.NAME }}` before the step starts.
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/^\$\{\{ inputs\.([a-z-]+) \}\}$/, (_, input: string) => values[input] ?? '')]));

  const fakeBin = createTempTree({ 'npx': FAKE_NPX });
  chmodSync(join(fakeBin, 'npx'), 0o755);
  const run = spawnSync('bash', ['-c', step.run!], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', GITHUB_ACTION_PATH: PACKAGE_ROOT, PATH: `${fakeBin}:${process.env.PATH ?? ''}` },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function featureRepo(): string {
  return featureBranch().root;
}

function featureBranch(): GitRepo {
  const repo = createGitRepo(BASE_FILES);
  repo.git('checkout', '--quiet', '-b', 'feature');
  repo.commit('Change ApiErrors', { 'rules/api.yml': API_RULES_ERRORS_CHANGED });
  return repo;
}

describe('action.yml', () => {
  it('is a composite action', () => {
    expect(ACTION.name).toBe('promgate');
    expect(ACTION.description).not.toBe('');
    expect(ACTION.runs.using).toBe('composite');
    expect(ACTION.runs.steps.map((step) => step.name)).toEqual(['Install promgate', 'Lint the change']);
  });

  it('declares the inputs', () => {
    expect(Object.keys(ACTION.inputs)).toEqual(['base', 'paths', 'format', 'fail-on', 'sarif-file']);
    expect(ACTION.inputs.base?.default).toBe('${{ github.event.pull_request.base.sha }}');
    expect(ACTION.inputs.format?.default).toBe('github');
    for (const [name, input] of Object.entries(ACTION.inputs)) {
      expect(input.description, name).not.toBe('');
      expect(input.required, name).toBe(false);
    }
  });

  it('gives every run step a shell', () => {
    for (const step of ACTION.runs.steps.filter((candidate) => candidate.run !== undefined)) expect(step.shell, step.name).toBe('bash');
  });

  it('keeps expressions out of scripts', () => {
    for (const step of ACTION.runs.steps) expect(step.run ?? '', step.name).not.toContain('${{');
  });

  it('maps every input to the environment', () => {
    const env = ACTION.runs.steps.find((step) => step.name === 'Lint the change')!.env ?? {};
    const mapped = Object.values(env).map((value) => /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1]);
    expect(mapped.sort()).toEqual(Object.keys(ACTION.inputs).sort());
  });
});

describe('action.yml lint step', () => {
  it('annotates the change', () => {
    const run = runLintStep(featureRepo(), { base: 'main' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^::error file=rules/api\\.yml,line=${alertLine(1)},.*title=alerts/labels::Alert \`ApiErrors\``, 'm'));
    expect(run.stdout).toContain('::group::Pre-existing findings (3)');
    expect(run.code).toBe(1);
  });

  it('writes the SARIF file too', () => {
    const root = featureRepo();
    const run = runLintStep(root, { base: 'main', 'sarif-file': 'promgate.sarif', format: 'text' });
    const log = JSON.parse(readFileSync(join(root, 'promgate.sarif'), 'utf8')) as { runs: { results: { baselineState: string }[] }[] };
    expect(validateSarifSchema(log)).toEqual([]);
    expect(log.runs[0]!.results.map((result) => result.baselineState)).toEqual(['new', 'unchanged', 'unchanged', 'unchanged']);
    expect(run.stdout).toContain(`rules/api.yml:${alertLine(1)}:16 error alerts/labels`);
    expect(run.code).toBe(1);
  });

  it('reads paths line by line', () => {
    const run = runLintStep(featureRepo(), { base: 'main', paths: 'rules/db.yml\n\nrules/team a\n', format: 'json' });
    expect(run.stderr).toBe('promgate: path not found: rules/team a; check the spelling, or run promgate from the folder the path is relative to.\n');
    expect(run.code).toBe(2);

    const scoped = runLintStep(featureRepo(), { base: 'main', paths: 'rules/db.yml\n', format: 'json' });
    expect((JSON.parse(scoped.stdout) as { findings: unknown[] }).findings).toEqual([]);
    expect(scoped.code).toBe(0);
  });

  it('passes fail-on', () => {
    const root = featureRepo();
    const run = runLintStep(root, { base: 'main', 'fail-on': 'critical', 'sarif-file': 'promgate.sarif' });
    expect(run.stderr).toBe('promgate: invalid value "critical" for --fail-on; expected one of error, warning, info.\n');
    expect(existsSync(join(root, 'promgate.sarif'))).toBe(false);
    expect(run.code).toBe(2);
  });

  it('defaults base to the pull request', () => {
    const repo = featureBranch();
    const run = runLintStep(repo.root, {}, repo.git('rev-parse', 'main').trim());
    expect(run.stdout).toContain(`::error file=rules/api.yml,line=${alertLine(1)},`);
    expect(run.code).toBe(1);
  });

  it('explains an empty base', () => {
    const run = runLintStep(featureRepo(), {});
    expect(run.stdout).toBe('::error title=promgate::The base input is empty, as it is outside pull_request events. Set base to the branch or commit to compare with, such as origin/main.\n');
    expect(run.code).toBe(2);
  });
});
