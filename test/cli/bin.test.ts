import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateWithMultitool } from '../report/sarif-multitool.js';
import { ensureBuiltCli, PACKAGE_ROOT } from './build-cli.js';
import { alertLine, API_RULES_ERRORS_CHANGED, BASE_FILES } from './ci-fixture.js';
import { createGitRepo } from './git-repo.js';
import { createTempTree } from './temp-tree.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'promgate.js');
const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpus');

function promgate(args: string[], cwd = PACKAGE_ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/promgate.js', () => {
  beforeAll(() => {
    ensureBuiltCli();
  }, 180_000);

  it('prints the version', () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = promgate(['--version']);
    expect(run.stdout).toBe(`${manifest.version}\n`);
    expect(run.code).toBe(0);
  });

  it('lints the example repository', () => {
    const run = promgate(['lint', '--format', 'json', 'fixtures/example-repo']);
    const output = JSON.parse(run.stdout) as { findings: { check: string; severity: string; file?: string }[]; summary: { files: number } };
    expect(run.stderr).toBe('');
    expect(output.summary.files).toBe(3);
    expect(output.findings.every((finding) => finding.file?.startsWith('fixtures/example-repo/'))).toBe(true);
    expect(output.findings.some((finding) => finding.file?.includes('/vendor/'))).toBe(false);
    expect(output.findings).toContainEqual(expect.objectContaining({ check: 'alerts/labels', severity: 'error', file: 'fixtures/example-repo/rules/api.rules.yml' }));
    expect(run.code).toBe(1);
  });

  it('exits 2 on a missing path', () => {
    const run = promgate(['lint', 'no/such/folder']);
    expect(run.stderr).toBe('promgate: path not found: no/such/folder; check the spelling, or run promgate from the folder the path is relative to.\n');
    expect(run.code).toBe(2);
  });

  it.skipIf(!existsSync(CORPUS))('survives the corpus', () => {
    const run = promgate(['lint', '--format', 'json', CORPUS]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const output = JSON.parse(run.stdout) as { findings: { check: string }[]; summary: { files: number } };
    expect(output.summary.files).toBeGreaterThan(50);
    expect(output.findings.some((finding) => finding.check === 'yaml/syntax')).toBe(true);
  });

  it('ci reports the change as SARIF', () => {
    const repo = createGitRepo(BASE_FILES);
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.commit('Change ApiErrors', { 'rules/api.yml': API_RULES_ERRORS_CHANGED });

    const run = promgate(['ci', '--base', 'main', '--format', 'sarif'], repo.root);
    expect(run.stderr).toBe('');
    const log = JSON.parse(run.stdout) as { runs: { results: { baselineState: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const fresh = log.runs[0]!.results.filter((result) => result.baselineState === 'new');
    expect(fresh.map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([alertLine(1)]);
    expect(validateWithMultitool(run.stdout)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('ci exits 2 on an unknown base', () => {
    const repo = createGitRepo(BASE_FILES);
    const run = promgate(['ci', '--base', 'v9.9.9'], repo.root);
    expect(run.stderr).toBe('promgate: `v9.9.9` is not a known git revision; check the spelling, or fetch the branch or tag that holds it with `git fetch`.\n');
    expect(run.code).toBe(2);
  });

  it('explains a missing build', () => {
    const root = createTempTree({ 'bin/': '' });
    copyFileSync(BIN, join(root, 'bin', 'promgate.js'));
    const result = spawnSync(process.execPath, [join(root, 'bin', 'promgate.js'), '--version'], { encoding: 'utf8' });
    expect(result.stderr).toBe(`promgate: ${join(root, 'dist', 'cli', 'main.js')} is missing; run \`npm run build\` in ${root}, then try again.\n`);
    expect(result.status).toBe(2);
  });
});
