#!/usr/bin/env node
// The compiled CLI lives in dist/, which `npm run build` (run by `npm ci` through `prepare`) creates:
// dist/bundle/promgate.js is the CLI bundled into one file for fast start-up, dist/cli/main.js the same code unbundled.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bundle/promgate.js', import.meta.url);
const entry = existsSync(bundle) ? bundle : new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  const packageRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
  process.stderr.write(`promgate: ${fileURLToPath(entry)} is missing; run \`npm run build\` in ${packageRoot}, then try again.\n`);
  process.exit(2);
}

const { run } = await import(entry.href);
await run();
