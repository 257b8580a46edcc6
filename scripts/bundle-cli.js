#!/usr/bin/env node
// Bundles the compiled CLI into one file. Node loads one module far faster
// than the hundred or so that tsc emits for the CLI and its dependencies,
// which is most of promgate's start-up time on small inputs.
//
// Sources import zod as `import * as z from 'zod'`, which lets esbuild keep
// only the parts they use. `import { z } from 'zod'` bundles all of zod with
// every locale, 360 KiB more to compile at each start (about 20 ms).

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
  // CommonJS packages in the bundle, such as `yaml`, call require() for Node built-ins at run time, so ESM needs a require function.
  banner: { js: "import { createRequire as __promgateRequire } from 'node:module'; const require = __promgateRequire(import.meta.url);" },
});
