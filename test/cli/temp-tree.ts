import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/**
 * Creates a temporary folder holding `files` (relative path to content) and
 * returns its real path. A path ending in `/` creates an empty folder. The
 * folder is removed after the test.
 */
export function createTempTree(files: Record<string, string>): string {
  // realpath, because macOS and some CI runners reach the temporary folder through a symbolic link.
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'promgate-test-')));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (path.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}
