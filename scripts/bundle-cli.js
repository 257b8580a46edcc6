#!/usr/bin/env node
// Bundles the compiled CLI into one file. Node loads one module far faster
// than the hundred or so that tsc emits for the CLI and its dependencies,
// which is most of promgate's start-up time on small inputs.

import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/bundle/promgate.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Modules that the bundle loads with require() at run time, such as `yaml` on the error path, need a require function in ESM.
  banner: { js: "import { createRequire as __promgateRequire } from 'node:module'; const require = __promgateRequire(import.meta.url);" },
});
