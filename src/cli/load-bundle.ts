// Loads the CommonJS bundle of the CLI that scripts/bundle-cli.js builds,
// with the V8 code cache that the build writes next to it. The cache contains
// the bytecode of the functions that a sample lint run compiled, so a run
// skips compiling them. It depends only on promgate's own code, never on the
// files a run lints. Both bin/promgate.js and scripts/bundle-cli.js load the
// bundle through here, because V8 accepts a cache only for the exact source
// text it was made from.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { CliIo } from './cli-io.js';

/** The exports of dist/cli/main.js, which the bundle is built from. */
export interface CliModule {
  main(argv: readonly string[], io: CliIo): Promise<number>;
  run(): Promise<void>;
}

export interface LoadedBundle {
  cli: CliModule;
  /** The compiled bundle, whose `createCachedData()` makes the code cache. */
  script: Script;
  /** Whether a code cache was read and V8 accepted it. */
  usedCache: boolean;
}

/** Returns the path of the code cache that belongs to `bundle`. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Compiles and runs the bundle at `bundle` as a CommonJS module and returns
 * its exports. The code cache is read unless `useCache` is false. V8 rejects
 * a cache made by another V8 version or with other V8 flags, and the bundle
 * is then compiled as usual, so a stale cache only costs speed.
 */
export function loadBundle(bundle: string, useCache = true): LoadedBundle {
  const cacheFile = codeCachePath(bundle);
  const cachedData = useCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The wrapper starts on the bundle's first line, so stack traces keep its line numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, directory: string) => void;
  wrapper(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { cli: module.exports as CliModule, script, usedCache: cachedData !== undefined && !script.cachedDataRejected };
}
