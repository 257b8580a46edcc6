import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWithMultitool } from '../report/sarif-multitool.js';
import { validateSarifSchema } from '../report/validate-sarif-schema.js';
import { alertLine, alertRule, API_RULES, API_RULES_ERRORS_CHANGED, BASE_FILES, DB_RULES, LOOSE_POLICY, ruleFile } from './ci-fixture.js';
import { createGitRepo } from './git-repo.js';
import { runCli } from './run-cli.js';
import { createTempTree } from './temp-tree.js';
import type { GitRepo } from './git-repo.js';

interface JsonFinding {
  check: string;
  severity: string;
  file?: string;
  line?: number;
}

interface CiJson {
  version: number;
  findings: JsonFinding[];
  preExisting: JsonFinding[];
  summary: { files: number; rules: number; findings: number; preExisting: number };
}

/** Runs `promgate ci --format json` in the repository and returns the exit code and the parsed output. */
async function ciJson(repo: GitRepo, args: string[], cwd = repo.root): Promise<{ code: number; stderr: string; output: CiJson }> {
  const run = await runCli(['ci', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, stderr: run.stderr, output: JSON.parse(run.stdout) as CiJson };
}

/** `file:line` of each finding, the form the assertions compare. */
function where(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => `${finding.file ?? ''}:${finding.line ?? ''}`);
}

/** Creates a repository on branch `feature`, one commit after `main`, with `changes` applied. */
function featureBranch(changes: Record<string, string | null>, files: Record<string, string> = BASE_FILES): GitRepo {
  const repo = createGitRepo(files);
  repo.git('checkout', '--quiet', '-b', 'feature');
  repo.commit('Change the rules', changes);
  return repo;
}

describe('promgate ci reports the change', () => {
  it('reports only the changed rule', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(1)}`]);
    expect(where(output.preExisting)).toEqual([`rules/api.yml:${alertLine(0)}`, `rules/api.yml:${alertLine(2)}`, `rules/db.yml:${alertLine(0)}`]);
    expect(output.findings[0]).toMatchObject({ check: 'alerts/labels', severity: 'error' });
    expect(code).toBe(1);
  });

  it('passes on pre-existing findings alone', async () => {
    const repo = featureBranch({ 'rules/extra.yml': '# Rules will follow.\ngroups: []\n' });
    const run = await runCli(['ci', '--base', 'main'], { cwd: repo.root });
    expect(run.stdout).toContain('Pre-existing findings (4), on rules and lines this change did not touch:\n');
    expect(run.stdout).toContain(`rules/db.yml:${alertLine(0)}:16 error alerts/labels Alert \`DbDown\` has no \`severity\` label`);
    expect(run.stdout.endsWith('not counting 4 pre-existing findings\n')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('starts from the merge base', async () => {
    const repo = createGitRepo(BASE_FILES);
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.commit('Change ApiErrors', { 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    repo.git('checkout', '--quiet', 'main');
    // main moves on after feature branched off; compared with main's tip, feature would seem to undo this.
    repo.commit('Change ApiSlow on main', { 'rules/api.yml': ruleFile('api', [alertRule('ApiDown'), alertRule('ApiErrors'), alertRule('ApiSlow', '20m')]) });
    repo.git('checkout', '--quiet', 'feature');

    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(1)}`]);
  });

  it('reports nothing for a removed rule', async () => {
    const repo = featureBranch({ 'rules/api.yml': ruleFile('api', [alertRule('ApiDown'), alertRule('ApiSlow')]) });
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toEqual([]);
    expect(where(output.preExisting)).toEqual([`rules/api.yml:${alertLine(0)}`, `rules/api.yml:${alertLine(1)}`, `rules/db.yml:${alertLine(0)}`]);
    expect(code).toBe(0);
  });

  it('reports nothing for a deleted file', async () => {
    const repo = featureBranch({ 'rules/db.yml': null });
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toEqual([]);
    expect(output.preExisting).toHaveLength(3);
    expect(output.summary.files).toBe(1);
    expect(code).toBe(0);
  });

  it('reports nothing for a renamed file', async () => {
    const repo = createGitRepo(BASE_FILES);
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.git('mv', 'rules/db.yml', 'rules/database.yml');
    repo.commit('Rename the database rules');
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toEqual([]);
    expect(where(output.preExisting)).toContain(`rules/database.yml:${alertLine(0)}`);
    expect(code).toBe(0);
  });

  it('reports the changed rule of a renamed file', async () => {
    const repo = createGitRepo({ ...BASE_FILES, 'rules/api.yml': API_RULES });
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.git('mv', 'rules/api.yml', 'rules/frontend.yml');
    repo.commit('Rename and change the API rules', { 'rules/frontend.yml': API_RULES_ERRORS_CHANGED });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/frontend.yml:${alertLine(1)}`]);
    expect(where(output.preExisting)).toEqual([`rules/db.yml:${alertLine(0)}`, `rules/frontend.yml:${alertLine(0)}`, `rules/frontend.yml:${alertLine(2)}`]);
  });

  it('reads names with spaces and accents', async () => {
    const name = 'rules/team a/ünïcode rules.yml';
    const repo = featureBranch({ [name]: ruleFile('team', [alertRule('TeamDown', '1m')]) }, { ...BASE_FILES, [name]: ruleFile('team', [alertRule('TeamDown')]) });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`${name}:${alertLine(0)}`]);

    const text = await runCli(['ci', '--base', 'main'], { cwd: repo.root });
    expect(text.stdout).toContain(`${name}:${alertLine(0)}:16 error alerts/labels Alert \`TeamDown\``);
  });

  it('counts a removed comment for the rule below', async () => {
    const commented = ruleFile('api', [alertRule('ApiDown'), alertRule('ApiErrors'), `      # Pages at night.\n${alertRule('ApiSlow')}`]);
    const repo = featureBranch({ 'rules/api.yml': API_RULES }, { ...BASE_FILES, 'rules/api.yml': commented });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(2)}`]);
  });

  it('counts a changed binary file whole', async () => {
    const repo = featureBranch({ 'rules/blob.yml': 'groups:\n  - name: x\0\n' }, { ...BASE_FILES, 'rules/blob.yml': 'groups:\n  - name: x\0y\n' });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toEqual([expect.objectContaining({ check: 'yaml/syntax', file: 'rules/blob.yml' })]);
  });

  it('reports every finding under report: all', async () => {
    const repo = createGitRepo({ ...BASE_FILES, '.github/promgate.yml': 'report: all\nchecks:\n  alerts/labels:\n    severity: error\n' });
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toHaveLength(4);
    expect(output.preExisting).toEqual([]);
    expect(code).toBe(1);
  });
});

describe('promgate ci policy', () => {
  it('keeps the base policy', async () => {
    const repo = featureBranch({ '.github/promgate.yml': LOOSE_POLICY, 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(1)}`]);
    expect(code).toBe(1);
  });

  it('takes --policy over the base policy', async () => {
    const repo = featureBranch({ '.github/promgate.yml': LOOSE_POLICY, 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const { code, output } = await ciJson(repo, ['--base', 'main', '--policy', '.github/promgate.yml']);
    expect(output.findings).toEqual([]);
    expect(output.preExisting).toEqual([]);
    expect(code).toBe(0);
  });

  it('uses the defaults without a base policy', async () => {
    const { '.github/promgate.yml': _policy, ...files } = BASE_FILES;
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED }, files);
    const { code, output } = await ciJson(repo, ['--base', 'main']);
    expect(output.findings).toEqual([expect.objectContaining({ check: 'alerts/labels', severity: 'warning' })]);
    expect(code).toBe(0);

    const strict = await ciJson(repo, ['--base', 'main', '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
  });

  it('rejects an invalid base policy', async () => {
    const repo = featureBranch({ '.github/promgate.yml': 'fail_on: error\n' }, { ...BASE_FILES, '.github/promgate.yml': 'fail_on: sometimes\n' });
    const run = await runCli(['ci', '--base', 'main'], { cwd: repo.root });
    expect(run.stderr).toMatch(/^promgate: the policy is invalid:\nmain:\.github\/promgate\.yml:1:\d+: fail_on: /);
    expect(run.stderr).toContain('\npromgate ci judges a change by the policy at `main`, so fix it there first, or pass --policy FILE.\n');
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});

describe('promgate ci sources', () => {
  it('lints work tree and untracked files', async () => {
    const repo = createGitRepo({ ...BASE_FILES, '.gitignore': 'generated/\n' });
    repo.write({
      'rules/api.yml': API_RULES_ERRORS_CHANGED,
      'rules/new.yml': ruleFile('new', [alertRule('NewDown')]),
      'generated/rules.yml': ruleFile('generated', [alertRule('GeneratedDown')]),
    });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(1)}`, `rules/new.yml:${alertLine(0)}`]);
    expect(output.summary.files).toBe(3);
  });

  it('lints --head without checking it out', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    repo.git('checkout', '--quiet', 'main');
    const { output } = await ciJson(repo, ['--base', 'main', '--head', 'feature']);
    expect(where(output.findings)).toEqual([`rules/api.yml:${alertLine(1)}`]);

    const workTree = await ciJson(repo, ['--base', 'main']);
    expect(workTree.output.findings).toEqual([]);
  });

  it('limits the report to PATH', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED, 'rules/db.yml': ruleFile('db', [alertRule('DbDown', '1m')]) });
    const { output } = await ciJson(repo, ['--base', 'main', 'rules/db.yml']);
    expect(where(output.findings)).toEqual([`rules/db.yml:${alertLine(0)}`]);
    expect(output.preExisting).toEqual([]);
    expect(output.summary.files).toBe(2);
  });

  it('prints paths from the current folder', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const { output } = await ciJson(repo, ['--base', 'main', '.'], join(repo.root, 'rules'));
    expect(where(output.findings)).toEqual([`api.yml:${alertLine(1)}`]);
  });
});

describe('promgate ci errors', () => {
  it('unknown remote branch', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    repo.git('remote', 'add', 'origin', 'https://git.invalid/promgate/example.git');
    const run = await runCli(['ci', '--base', 'origin/main'], { cwd: repo.root });
    expect(run.stderr).toBe('promgate: `origin/main` is not a known git revision; fetch it first with `git fetch origin main`.\n');
    expect(run.code).toBe(2);
  });

  it('branch only on the remote', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    repo.git('remote', 'add', 'origin', 'https://git.invalid/promgate/example.git');
    repo.git('update-ref', 'refs/remotes/origin/release', 'main');
    const run = await runCli(['ci', '--base', 'release'], { cwd: repo.root });
    expect(run.stderr).toBe('promgate: `release` is not a known git revision; a CI checkout often has only the remote-tracking branch, so pass `origin/release` instead.\n');
    expect(run.code).toBe(2);
  });

  it('unknown --head', async () => {
    const repo = createGitRepo(BASE_FILES);
    const run = await runCli(['ci', '--base', 'main', '--head', 'no-such-branch'], { cwd: repo.root });
    expect(run.stderr).toBe('promgate: `no-such-branch` is not a known git revision; check the spelling, or fetch the branch or tag that holds it with `git fetch`.\n');
    expect(run.code).toBe(2);
  });

  it('no common ancestor', async () => {
    const repo = createGitRepo(BASE_FILES);
    repo.git('checkout', '--quiet', '--orphan', 'unrelated');
    repo.commit('Start over');
    const run = await runCli(['ci', '--base', 'main'], { cwd: repo.root });
    expect(run.stderr).toBe('promgate: `main` and `HEAD` have no common ancestor; pass as --base the branch or commit that HEAD was branched from.\n');
    expect(run.code).toBe(2);
  });

  it('outside a repository', async () => {
    const root = createTempTree({ 'rules/api.yml': API_RULES });
    const run = await runCli(['ci', '--base', 'main'], { cwd: root });
    expect(run.stderr).toMatch(/^promgate: .* is not inside a git work tree \(fatal: not a git repository.*\); run `promgate ci` in a clone of the repository\.\n$/);
    expect(run.code).toBe(2);
  });

  it.each([
    { name: 'missing --base', argv: ['ci'], stderr: 'promgate: missing --base; name the branch or commit the change is compared with, such as `promgate ci --base origin/main`.\n' },
    { name: 'unknown option', argv: ['ci', '--base', 'main', '--since', 'x'], stderr: 'promgate: unknown option --since; run `promgate ci --help` for the options.\n' },
    { name: 'bad format', argv: ['ci', '--base', 'main', '--format', 'xml'], stderr: 'promgate: invalid value "xml" for --format; expected one of text, json, sarif, github.\n' },
    { name: 'empty --head', argv: ['ci', '--base', 'main', '--head='], stderr: 'promgate: invalid value "" for --head; expected a branch or commit, or leave --head out to lint the work tree.\n' },
  ])('usage: $name', async ({ argv, stderr }) => {
    const repo = createGitRepo(BASE_FILES);
    const run = await runCli(argv, { cwd: repo.root });
    expect(run.stderr).toBe(stderr);
    expect(run.code).toBe(2);
  });

  it('PATH not found', async () => {
    const repo = createGitRepo(BASE_FILES);
    const run = await runCli(['ci', '--base', 'main', 'rules/missing.yml'], { cwd: repo.root });
    expect(run.stderr).toBe('promgate: path not found: rules/missing.yml; check the spelling, or run promgate from the folder the path is relative to.\n');
    expect(run.code).toBe(2);
  });

  it('prints its help', async () => {
    const run = await runCli(['ci', '--help'], { cwd: createTempTree({}) });
    expect(run.stdout).toMatch(/^Usage: promgate ci --base REF \[options\] \[PATH\.\.\.\]\n/);
    expect(run.code).toBe(0);
  });
});

describe('promgate ci formats', () => {
  it('json shape', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const { output } = await ciJson(repo, ['--base', 'main']);
    expect(Object.keys(output)).toEqual(['version', 'findings', 'preExisting', 'summary']);
    expect(output.version).toBe(1);
    expect(output.summary).toEqual({ files: 2, rules: 4, findings: 1, preExisting: 3 });
    expect(Object.keys(output.preExisting[0]!)).toEqual(['check', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fix', 'docs']);
  });

  it('sarif marks baseline states', async () => {
    const repo = featureBranch({ 'rules/team a/ünïcode.yml': ruleFile('team', [alertRule('TeamDown')]) });
    const run = await runCli(['ci', '--base', 'main', '--format', 'sarif'], { cwd: repo.root });
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = log.runs[0]!.results.map((result) => [result.locations[0]!.physicalLocation.artifactLocation.uri, result.baselineState]);
    expect(results).toEqual([
      ['rules/team%20a/%C3%BCn%C3%AFcode.yml', 'new'],
      ['rules/api.yml', 'unchanged'],
      ['rules/api.yml', 'unchanged'],
      ['rules/api.yml', 'unchanged'],
      ['rules/db.yml', 'unchanged'],
    ]);
    expect(validateSarifSchema(log)).toEqual([]);
    expect(validateWithMultitool(run.stdout)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('github annotates only the change', async () => {
    const repo = featureBranch({ 'rules/api.yml': API_RULES_ERRORS_CHANGED });
    const run = await runCli(['ci', '--base', 'main', '--format', 'github'], { cwd: repo.root });
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => /^::(error|warning|notice) /.test(line))).toEqual([
      expect.stringMatching(new RegExp(`^::error file=rules/api\\.yml,line=${alertLine(1)},col=16,endLine=${alertLine(1)},endColumn=25,title=alerts/labels::Alert \`ApiErrors\``)),
    ]);
    expect(lines[1]).toBe('::group::Pre-existing findings (3), on rules and lines this change did not touch');
    const token = /^::stop-commands::(.+)$/.exec(lines[2] ?? '')?.[1];
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.slice(-4)).toEqual([`::${token}::`, '::endgroup::', '1 error in 2 files (4 rules), not counting 3 pre-existing findings', '']);
    expect(run.code).toBe(1);
  });
});
