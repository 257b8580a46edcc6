import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeCachePath, loadBundle } from '../../src/cli/load-bundle.js';
import { BUNDLE, ensureBuiltCli } from './build-cli.js';
import { createTempTree } from './temp-tree.js';

/** Runs `promgate --help` in the loaded bundle and returns its exit code and output. */
async function runHelp(bundle: string, useCache = true): Promise<{ code: number; stdout: string; usedCache: boolean }> {
  const loaded = loadBundle(bundle, useCache);
  let stdout = '';
  const code = await loaded.cli.main(['--help'], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, cwd: process.cwd(), env: {} });
  return { code, stdout, usedCache: loaded.usedCache };
}

describe('loadBundle', () => {
  beforeAll(() => {
    ensureBuiltCli();
  }, 180_000);

  it('uses the code cache of the build', async () => {
    const run = await runHelp(BUNDLE);
    expect(run.usedCache).toBe(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('promgate lint');
  });

  it('runs without the cache when asked', async () => {
    const run = await runHelp(BUNDLE, false);
    expect(run.usedCache).toBe(false);
    expect(run.code).toBe(0);
  });

  it('compiles anew when the cache is invalid', async () => {
    const root = createTempTree({ 'bundle/': '' });
    const copy = join(root, 'bundle', 'promgate.cjs');
    copyFileSync(BUNDLE, copy);
    writeFileSync(codeCachePath(copy), 'not a V8 code cache');
    const run = await runHelp(copy);
    expect(run.usedCache).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('promgate lint');
  });
});
