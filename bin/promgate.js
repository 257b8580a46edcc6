#!/usr/bin/env node
// The compiled CLI lives in dist/, which `npm run build` (run by `npm ci` through `prepare`) creates.
// dist/bundle/promgate.cjs is the CLI bundled into one file for fast start-up, and src/cli/load-bundle.ts
// loads it with the V8 code cache that the build made for it. dist/cli/main.js is the same code unbundled.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/bundle/promgate.cjs', import.meta.url));
const loader = new URL('../dist/cli/load-bundle.js', import.meta.url);
const entry = new URL('../dist/cli/main.js', import.meta.url);

if (existsSync(bundle) && existsSync(loader)) {
  const { loadBundle } = await import(loader.href);
  await loadBundle(bundle).cli.run();
} else {
  if (!existsSync(entry)) {
    const packageRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
    process.stderr.write(`promgate: ${fileURLToPath(entry)} is missing; run \`npm run build\` in ${packageRoot}, then try again.\n`);
    process.exit(2);
  }
  const { run } = await import(entry.href);
  await run();
}
