import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundle that bin/promgate.js runs when it exists, so it must never be older than the sources. */
export const BUNDLE = join(PACKAGE_ROOT, 'dist', 'bundle', 'promgate.cjs');

/**
 * Runs `npm run build` (tsc, then the bundle) unless the bundle is newer than
 * every file in src/ and rules/. The steps run one by one rather than through
 * npm, because type errors in files other engineers are still writing make
 * tsc exit with an error after it has written the JavaScript.
 */
export function ensureBuiltCli(): void {
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newestModification(join(PACKAGE_ROOT, 'src')) && built > newestModification(join(PACKAGE_ROOT, 'rules'))) return;

  const tsc = join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  const bundle = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'bundle-cli.js')], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`failed to bundle the CLI with scripts/bundle-cli.js (exit code ${bundle.status}):\n${bundle.stdout}${bundle.stderr}`);
}

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
