import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitRepo } from './git-repo.js';
import { runCli } from './run-cli.js';
import { createTempTree } from './temp-tree.js';

/** An alert without `for`, so `alerts/for` reports it and a test can see the file was linted. */
const RULES = 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n';

describe('promgate lint on bad input', () => {
  it('reports a link loop and still lints the other files', async () => {
    const root = createTempTree({ '.git/': '', 'ok.yml': RULES });
    symlinkSync('l2.yml', join(root, 'l1.yml'));
    symlinkSync('l1.yml', join(root, 'l2.yml'));
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: root });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).findings.map((finding: { check: string }) => finding.check)).toContain('alerts/for');
    expect(run.stderr).toContain('l1.yml: too many symbolic links, probably a link loop (ELOOP)');
    expect(run.stderr).not.toContain('crashed');
  });

  it('rejects a pipe named on the command line without waiting on it', async () => {
    const root = createTempTree({ '.git/': '', 'ok.yml': RULES });
    execFileSync('mkfifo', [join(root, 'pipe.yml')]);
    const run = await runCli(['lint', '--format', 'json', 'ok.yml', 'pipe.yml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pipe.yml is neither a file nor a folder');
    expect(JSON.parse(run.stdout).findings.map((finding: { check: string }) => finding.check)).toContain('alerts/for');
  });

  it('rejects a policy path that is a folder', async () => {
    const root = createTempTree({ '.git/': '', 'ok.yml': RULES });
    mkdirSync(join(root, '.github/promgate.yml'), { recursive: true });
    const run = await runCli(['lint', 'ok.yml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('promgate.yml is not a file');
  });

  it('shows a --policy path as typed', async () => {
    const root = createTempTree({ 'ok.yml': RULES });
    const run = await runCli(['lint', '--policy', '/nonexistent/policy.yml', 'ok.yml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('policy file not found: /nonexistent/policy.yml');
  });
});

describe('promgate ci and the change as a whole', () => {
  it('reports code changed without its monitoring', async () => {
    const policy = 'services:\n  checkout:\n    paths: ["services/checkout/**"]\n    monitoring: ["monitoring/checkout/**"]\n';
    const repo = createGitRepo({ '.github/promgate.yml': policy, 'services/checkout/main.go': 'package main\n', 'monitoring/checkout/rules.yml': 'groups: []\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('change the code only', { 'services/checkout/main.go': 'package main\n\nfunc main() {}\n' });
    const run = await runCli(['ci', '--base', 'main', '--format', 'json'], { cwd: repo.root });
    const checks = JSON.parse(run.stdout).findings.map((finding: { check: string }) => finding.check);
    expect(checks).toContain('dod/monitoring');

    repo.commit('and its monitoring', { 'monitoring/checkout/rules.yml': 'groups:\n  - name: checkout\n    rules: []\n' });
    const again = await runCli(['ci', '--base', 'main', '--format', 'json'], { cwd: repo.root });
    expect(JSON.parse(again.stdout).findings.map((finding: { check: string }) => finding.check)).not.toContain('dod/monitoring');
  });
});
