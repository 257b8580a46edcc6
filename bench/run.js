#!/usr/bin/env node
// Times whole `promgate lint` processes, start-up included, on the shared
// corpus and on the 10,002-rule stress file, and times `promtool check rules`
// on the same rule files in the same run when promtool is on PATH.
//
// Usage: npm run bench [-- --runs N]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.resolve(root, '../shared/corpus');
const stress = path.join(corpus, 'bench/prometheus__prometheus__cmd_promtool_testdata_rules_large.yaml');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag === -1 ? 5 : Number(process.argv[runsFlag + 1]);
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!fs.existsSync(corpus)) {
  console.error(`The corpus is missing at ${corpus}; the benchmark needs ../shared/corpus next to the repository.`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing; run `npm run build` first (`npm run bench` does).');
  process.exit(2);
}

/** Runs a command `runs` times and returns the median wall time in seconds and the largest peak RSS in MiB. */
function measure(command, args) {
  const times = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = gnuTime === undefined
      ? spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
      : spawnSync(gnuTime, ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error !== undefined) throw result.error;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
    }
    if (gnuTime !== undefined) {
      const lines = result.stderr.trim().split('\n');
      peak = Math.max(peak, Number(lines[lines.length - 1]) / 1024);
    }
    times.push(seconds);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], peak };
}

function promtoolAvailable() {
  return spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
}

function countRules(jsonOutput) {
  return JSON.parse(jsonOutput).summary.rules;
}

/** Writes ten copies of the stress file's groups, with distinct group and record names, as one file. */
function writeTenfold(directory) {
  const text = fs.readFileSync(stress, 'utf8');
  const body = text.replace(/^groups:\n/, '');
  let out = 'groups:\n';
  for (let copy = 1; copy <= 10; copy++) {
    out += body.replace(/^( {2}- name: )(.*)$/gm, `$1$2_${copy}`).replace(/^(\s+- record: )(.*)$/gm, `$1$2_${copy}`);
  }
  const file = path.join(directory, 'rules_100k.yaml');
  fs.writeFileSync(file, out);
  return file;
}

const promgate = path.join(root, 'bin/promgate.js');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'promgate-bench-'));
const tenfold = writeTenfold(temp);
const withPromtool = promtoolAvailable();
const ruleFiles = fs.readdirSync(path.join(corpus, 'rules')).map((name) => path.join(corpus, 'rules', name));

const inputs = [
  { name: 'corpus (all files)', paths: [corpus], promtoolFiles: undefined },
  { name: 'corpus rules/ only', paths: [path.join(corpus, 'rules')], promtoolFiles: ruleFiles },
  { name: '10,002-rule file', paths: [stress], promtoolFiles: [stress] },
  { name: '100,020-rule file', paths: [tenfold], promtoolFiles: [tenfold] },
];

console.log(`promgate benchmark: median of ${runs} runs per command, start-up included; ${os.cpus().length} CPUs, Node ${process.version}`);
const results = new Map();
for (const input of inputs) {
  const args = [promgate, 'lint', '--format', 'json', ...input.paths];
  const rules = countRules(spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout);
  const ours = measure(process.execPath, args);
  const line = [`${input.name}: promgate ${ours.seconds.toFixed(3)} s, ${Math.round(rules / ours.seconds).toLocaleString('en-US')} rules/s (${rules.toLocaleString('en-US')} rules), peak ${ours.peak.toFixed(0)} MiB`];
  let ratio;
  if (withPromtool && input.promtoolFiles !== undefined) {
    const theirs = measure('promtool', ['check', 'rules', ...input.promtoolFiles]);
    ratio = ours.seconds / theirs.seconds;
    line.push(`promtool ${theirs.seconds.toFixed(3)} s, peak ${theirs.peak.toFixed(0)} MiB, ratio ${ratio.toFixed(2)}×`);
  }
  results.set(input.name, { ...ours, ratio });
  console.log(line.join('; '));
}

const small = results.get('10,002-rule file');
const large = results.get('100,020-rule file');
console.log(`linearity: 100,020 rules take ${(large.seconds / small.seconds).toFixed(2)}× as long as 10,002 (aim: at most 10.5×)`);
if (small.ratio !== undefined) console.log(`10,002-rule file against promtool: ${small.ratio.toFixed(2)}× (aim: at most 2×)`);
if (!withPromtool) console.log('promtool is not on PATH, so no ratio was measured; install it with `apt-get install prometheus`.');
fs.rmSync(temp, { recursive: true, force: true });
