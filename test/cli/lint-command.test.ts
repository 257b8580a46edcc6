import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { lint } from '../../src/lint.js';
import { buildPolicy } from '../../src/policy/build-policy.js';
import { escapeData } from '../../src/report/format-github.js';
import { runCli } from './run-cli.js';
import { createTempTree } from './temp-tree.js';

/** A rule file with an unclosed quote: one `yaml/syntax` error. */
const BROKEN = 'groups:\n  - name: api\n    rules:\n      - alert: Down\n        expr: "up == 0\n';

/**
 * The finding `lint()` reports for BROKEN under the default policy. The CLI
 * tests compare against it, so they test how the CLI prints a finding, not
 * where the YAML parser places the error.
 */
const SYNTAX_ERROR = lint({ files: [{ path: 'broken.yml', text: BROKEN }], policy: buildPolicy({ checks: CHECKS }) }).findings[0]!;
const AT = `${SYNTAX_ERROR.line}:${SYNTAX_ERROR.column}`;

/** A rule file without groups: one `yaml/empty` info finding at 1:1. */
const EMPTY = 'groups: []\n';

/** YAML that is no monitoring configuration: no finding, not counted as a file. */
const OTHER = 'name: not monitoring\n';

interface JsonOutput {
  version: number;
  findings: { check: string; severity: string; file?: string; line?: number }[];
  summary: { files: number; rules: number; findings: number };
}

function parseJson(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}

describe('promgate lint exit codes', () => {
  it('0 without findings', async () => {
    const root = createTempTree({ '.git/': '', 'config.yml': OTHER });
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('No findings in 0 files (0 rules)\n');
    expect(run.code).toBe(0);
  });

  it('0 below fail_on', async () => {
    const root = createTempTree({ '.git/': '', 'rules/empty.yml': EMPTY });
    const run = await runCli(['lint', 'rules'], { cwd: root });
    expect(run.stdout).toContain('rules/empty.yml:1:1 info yaml/empty');
    expect(run.code).toBe(0);
  });

  it('1 on an error', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN });
    const run = await runCli(['lint', 'rules'], { cwd: root });
    expect(run.stdout).toContain(`rules/broken.yml:${AT} error yaml/syntax`);
    expect(run.code).toBe(1);
  });

  it.each([
    { name: 'fail-on info', args: ['--fail-on', 'info'], policy: undefined, code: 1 },
    { name: 'fail-on warning', args: ['--fail-on=warning'], policy: undefined, code: 0 },
    { name: 'policy fail_on info', args: [], policy: 'fail_on: info\n', code: 1 },
    { name: 'flag overrides policy', args: ['--fail-on', 'error'], policy: 'fail_on: info\n', code: 0 },
  ])('$name', async ({ args, policy, code }) => {
    const files: Record<string, string> = { '.git/': '', 'rules/empty.yml': EMPTY };
    if (policy !== undefined) files['.github/promgate.yml'] = policy;
    const root = createTempTree(files);
    const run = await runCli(['lint', ...args, 'rules'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
  });
});

describe('promgate lint usage errors', () => {
  it.each([
    { name: 'missing path', argv: ['lint', 'nope'], stderr: 'promgate: path not found: nope; check the spelling, or run promgate from the folder the path is relative to.\n' },
    { name: 'no path', argv: ['lint'], stderr: 'promgate: missing PATH; name the files or folders to lint, such as `promgate lint rules/`.\n' },
    { name: 'unknown flag', argv: ['lint', '--strict', '.'], stderr: 'promgate: unknown option --strict; run `promgate lint --help` for the options.\n' },
    { name: 'unknown short flag', argv: ['lint', '-q', '.'], stderr: 'promgate: unknown option -q; run `promgate lint --help` for the options.\n' },
    { name: 'format value', argv: ['lint', '--format', 'xml', '.'], stderr: 'promgate: invalid value "xml" for --format; expected one of text, json, sarif, github.\n' },
    { name: 'format missing value', argv: ['lint', '.', '--format'], stderr: 'promgate: missing value for --format; write it as --format VALUE or --format=VALUE.\n' },
    { name: 'fail-on value', argv: ['lint', '--fail-on', 'critical', '.'], stderr: 'promgate: invalid value "critical" for --fail-on; expected one of error, warning, info.\n' },
    { name: 'missing policy file', argv: ['lint', '--policy', 'none.yml', '.'], stderr: 'promgate: policy file not found: none.yml; check the path given to --policy.\n' },
    { name: 'unknown command', argv: ['check', '.'], stderr: 'promgate: unknown command "check"; the commands are lint, ci, generate. Run `promgate --help` for the usage.\n' },
    { name: 'unknown top-level flag', argv: ['--verbose'], stderr: 'promgate: unknown option --verbose; run `promgate --help` for the usage.\n' },
  ])('$name', async ({ argv, stderr }) => {
    const root = createTempTree({ '.git/': '', 'rules/empty.yml': EMPTY });
    const run = await runCli(argv, { cwd: root });
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('no command prints help', async () => {
    const run = await runCli([], { cwd: process.cwd() });
    expect(run.stderr).toContain('Usage: promgate <command> [options]');
    expect(run.code).toBe(2);
  });

  it('invalid policy', async () => {
    const root = createTempTree({
      '.git/': '',
      '.github/promgate.yml': 'fail_on: error\nchecks:\n  yaml/syntax:\n    severity: critical\n',
      'rules/empty.yml': EMPTY,
    });
    const run = await runCli(['lint', '.'], { cwd: join(root, 'rules') });
    expect(run.stderr).toBe(
      'promgate: the policy is invalid:\n' +
        '../.github/promgate.yml:4:5: checks.yaml/syntax.severity: invalid value "critical"; expected one of error, warning, info.\n',
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('stack trace only when debugging', async () => {
    const root = createTempTree({ '.git/': '' });
    expect((await runCli(['lint', 'nope'], { cwd: root })).stderr).not.toContain('    at ');
    expect((await runCli(['lint', 'nope'], { cwd: root, env: { PROMGATE_DEBUG: '1' } })).stderr).toContain('    at ');
  });
});

describe('promgate lint help and version', () => {
  it('prints the version', async () => {
    const run = await runCli(['--version'], { cwd: process.cwd() });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    expect(run.code).toBe(0);
  });

  it.each([['--help'], ['-h'], ['help']])('%s', async (flag) => {
    const run = await runCli([flag], { cwd: process.cwd() });
    expect(run.stdout).toContain('lint PATH...');
    expect(run.code).toBe(0);
  });

  it('lint --help', async () => {
    const run = await runCli(['lint', '--help'], { cwd: process.cwd() });
    expect(run.stdout).toContain('--fail-on SEVERITY');
    expect(run.stdout).toContain('Exit codes:');
    expect(run.code).toBe(0);
  });
});

describe('promgate lint output', () => {
  it('json shape', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN, 'rules/other.yml': OTHER });
    const run = await runCli(['lint', '--format', 'json', 'rules'], { cwd: root });
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      findings: [
        {
          check: 'yaml/syntax',
          severity: 'error',
          file: 'rules/broken.yml',
          line: SYNTAX_ERROR.line,
          column: SYNTAX_ERROR.column,
          endLine: SYNTAX_ERROR.endLine,
          endColumn: SYNTAX_ERROR.endColumn,
          message: SYNTAX_ERROR.message,
          fix: SYNTAX_ERROR.fix,
          docs: 'https://github.com/promgate/promgate/blob/main/docs/checks/yaml/syntax.md',
        },
      ],
      summary: { files: 1, rules: 0, findings: 1 },
    });
    expect(run.code).toBe(1);
  });

  it('paths relative to cwd', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN, 'docs/': '' });
    const run = await runCli(['lint', '--format', 'json', '../rules'], { cwd: join(root, 'docs') });
    expect(parseJson(run.stdout).findings.map((finding) => finding.file)).toEqual(['../rules/broken.yml']);
  });

  it('text like a compiler', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN, 'rules/empty.yml': EMPTY });
    const run = await runCli(['lint', 'rules'], { cwd: root });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`rules/broken.yml:${AT} error yaml/syntax ${SYNTAX_ERROR.message}`);
    expect(lines[1]).toBe(`    ${SYNTAX_ERROR.fix}`);
    expect(lines[2]).toBe('rules/empty.yml:1:1 info yaml/empty The rule file defines no rule groups under `groups`.');
    expect(lines.at(-2)).toBe('1 error, 1 info in 2 files (0 rules)');
  });

  it.each<{ name: string; isTTY: boolean; env: Record<string, string>; coloured: boolean }>([
    { name: 'terminal', isTTY: true, env: {}, coloured: true },
    { name: 'pipe', isTTY: false, env: {}, coloured: false },
    { name: 'NO_COLOR', isTTY: true, env: { NO_COLOR: '1' }, coloured: false },
    { name: 'empty NO_COLOR', isTTY: true, env: { NO_COLOR: '' }, coloured: true },
  ])('colour on $name', async ({ isTTY, env, coloured }) => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN });
    const run = await runCli(['lint', 'rules'], { cwd: root, isTTY, env });
    expect(run.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('github annotations', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN });
    const run = await runCli(['lint', '--format', 'github', 'rules'], { cwd: root });
    const { line, column, endLine, endColumn } = SYNTAX_ERROR;
    expect(run.stdout.split('\n')[0]).toBe(
      `::error file=rules/broken.yml,line=${line},col=${column},endLine=${endLine},endColumn=${endColumn},title=yaml/syntax::${escapeData(`${SYNTAX_ERROR.message}\n${SYNTAX_ERROR.fix}`)}`,
    );
    expect(run.code).toBe(1);
  });

  it('sarif log', async () => {
    const root = createTempTree({ '.git/': '', 'rules/broken.yml': BROKEN });
    const run = await runCli(['lint', '--format', 'sarif', 'rules'], { cwd: root });
    const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toContain('yaml/syntax');
    expect(log.runs[0]!.results[0]!.ruleId).toBe('yaml/syntax');
    expect(log.runs[0]!.results[0]!.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'rules/broken.yml' },
          region: { startLine: SYNTAX_ERROR.line, startColumn: SYNTAX_ERROR.column, endLine: SYNTAX_ERROR.endLine, endColumn: SYNTAX_ERROR.endColumn },
        },
      },
    ]);
  });

  it('notes when nothing was linted', async () => {
    const root = createTempTree({ '.git/': '', 'README.md': '# notes\n' });
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.stderr).toContain('promgate: no files to lint;');
    expect(run.code).toBe(0);
  });
});

describe('promgate lint file selection', () => {
  const repository = {
    '.git/': '',
    '.github/promgate.yml': 'exclude: ["vendor/**"]\n',
    'rules/a.yml': BROKEN,
    'rules/b.yaml': BROKEN,
    'rules/c.rules': BROKEN,
    'rules/notes.txt': BROKEN,
    'rules/.hidden/d.yml': BROKEN,
    'node_modules/pkg/e.yml': BROKEN,
    'vendor/f.yml': BROKEN,
    'deep/er/g.yml': BROKEN,
  };

  async function lintedFiles(argv: string[], files: Record<string, string> = repository, cwd = ''): Promise<string[]> {
    const root = createTempTree(files);
    const run = await runCli(['lint', '--format', 'json', ...argv], { cwd: join(root, cwd) });
    expect(run.stderr).toBe('');
    return parseJson(run.stdout).findings.map((finding) => finding.file!);
  }

  it('walks folders', async () => {
    expect(await lintedFiles(['.'])).toEqual(['deep/er/g.yml', 'rules/a.yml', 'rules/b.yaml', 'rules/c.rules']);
  });

  it('reads named files', async () => {
    expect(await lintedFiles(['rules/notes.txt', 'rules/.hidden/d.yml'])).toEqual(['rules/.hidden/d.yml', 'rules/notes.txt']);
  });

  it('skips excluded named files', async () => {
    expect(await lintedFiles(['vendor/f.yml', 'rules/a.yml'])).toEqual(['rules/a.yml']);
  });

  it('walks a named hidden folder', async () => {
    expect(await lintedFiles(['rules/.hidden'])).toEqual(['rules/.hidden/d.yml']);
  });

  it('lints a file once', async () => {
    expect(await lintedFiles(['rules', 'rules/a.yml', '.'])).toEqual(['deep/er/g.yml', 'rules/a.yml', 'rules/b.yaml', 'rules/c.rules']);
  });

  it('include narrows the walk', async () => {
    const files = { ...repository, '.github/promgate.yml': 'include: ["rules/*.yml"]\n' };
    expect(await lintedFiles(['.'], files)).toEqual(['rules/a.yml']);
  });

  it('finds the policy from a subfolder', async () => {
    const files = { ...repository, '.github/promgate.yml': 'exclude: ["rules/a.yml"]\n' };
    expect(await lintedFiles(['.'], files, 'rules')).toEqual(['b.yaml', 'c.rules']);
  });

  it('globs are relative to the repository root', async () => {
    const files = { ...repository, '.github/promgate.yml': 'exclude: ["er/**"]\n' };
    expect(await lintedFiles(['er'], files, 'deep')).toEqual(['er/g.yml']);
  });

  it('policy flag', async () => {
    const files = { ...repository, 'policies/only-c.yml': 'include: ["**/*.rules"]\n' };
    expect(await lintedFiles(['--policy', 'policies/only-c.yml', '.'], files)).toEqual(['rules/c.rules']);
  });

  it('stops the walk at .git', async () => {
    const files = {
      '.github/promgate.yml': 'this is: [not a valid policy\n',
      'team/.git/': '',
      'team/rules/a.yml': BROKEN,
    };
    expect(await lintedFiles(['team'], files)).toEqual(['team/rules/a.yml']);
  });

  it('each repository its policy', async () => {
    const files = {
      'one/.git/': '',
      'one/.github/promgate.yml': 'checks:\n  yaml/syntax:\n    severity: warning\n',
      'one/a.yml': BROKEN,
      'two/.git/': '',
      'two/.github/promgate.yml': 'checks:\n  yaml/syntax:\n    enabled: false\n',
      'two/b.yml': BROKEN,
      'three/.git/': '',
      'three/c.yml': BROKEN,
    };
    const root = createTempTree(files);
    const run = await runCli(['lint', '--format', 'json', 'one', 'two', 'three'], { cwd: root });
    expect(parseJson(run.stdout).findings.map((finding) => [finding.file, finding.severity])).toEqual([
      ['one/a.yml', 'warning'],
      ['three/c.yml', 'error'],
    ]);
    expect(parseJson(run.stdout).summary.files).toBe(3);
    expect(run.code).toBe(1);
  });

  it('disabled check sets no exit code', async () => {
    const files = { '.git/': '', '.github/promgate.yml': 'checks:\n  yaml/syntax:\n    enabled: false\n', 'a.yml': BROKEN };
    const root = createTempTree(files);
    const run = await runCli(['lint', '.'], { cwd: root });
    expect(run.code).toBe(0);
  });
});

describe('promgate crashes', () => {
  it('reports a bug', async () => {
    const root = createTempTree({ '.git/': '', 'a.yml': EMPTY });
    let stderr = '';
    const { main } = await import('../../src/cli/main.js');
    const code = await main(['lint', '.'], {
      stdout: {
        write: () => {
          throw new TypeError('stream exploded');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: root,
      env: {},
    });
    expect(stderr).toContain('promgate crashed; this is a bug: stream exploded\n');
    expect(stderr).toContain('PROMGATE_DEBUG=1');
    expect(stderr).toContain('https://github.com/promgate/promgate/issues');
    expect(stderr).not.toContain('    at ');
    expect(code).toBe(3);
  });
});
