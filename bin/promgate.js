#!/usr/bin/env node
// The compiled CLI lives in dist/, which `npm run build` (run by `npm ci` through `prepare`) creates.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const packageRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
  process.stderr.write(`promgate: ${fileURLToPath(entry)} is missing; run \`npm run build\` in ${packageRoot}, then try again.\n`);
  process.exit(2);
}

const { run } = await import(entry.href);
await run();
