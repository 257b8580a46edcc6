#!/usr/bin/env node
// Installs the Debian packages the test suite runs for real when they are
// missing: promtool and the Prometheus server (package `prometheus`) and
// redis-server. Runs before `npm test`; does nothing when both are present.

import { spawnSync } from 'node:child_process';

const needed = [
  { command: 'promtool', pkg: 'prometheus' },
  { command: 'redis-server', pkg: 'redis-server' },
];

const missing = needed.filter(({ command }) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ pkg }) => pkg);
const isRoot = process.getuid?.() === 0;
const hasSudo = spawnSync('sh', ['-c', 'command -v sudo']).status === 0;
if (!isRoot && !hasSudo) {
  console.error(`The tests need ${missing.map(({ command }) => command).join(' and ')}; install them with: apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}

const prefix = isRoot ? [] : ['sudo'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
console.log(`Installing ${packages.join(', ')} for the tests (missing: ${missing.map(({ command }) => command).join(', ')})...`);
for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', ...packages]]) {
  const command = [...prefix, ...args];
  const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`\`${command.join(' ')}\` failed with exit code ${run.status}; install ${packages.join(' ')} by hand and run the tests again.`);
    process.exit(1);
  }
}
