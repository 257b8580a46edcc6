import { readFileSync } from 'node:fs';

/** Reads promgate's version from its package.json, two levels above both src/cli/ and dist/cli/. */
export function readPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
