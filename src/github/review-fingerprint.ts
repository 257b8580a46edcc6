import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';

const MARKER = /<!-- promgate:fingerprint=([0-9a-f]{16}) -->/g;

/**
 * Identifies the comment for one finding across pushes and webhook
 * redeliveries. Line numbers are left out because unrelated edits move them.
 * `occurrence` distinguishes findings with the same file, check and message.
 */
export function fingerprint(finding: Finding, occurrence: number): string {
  const key = [finding.file ?? '', finding.check, finding.message, String(occurrence)].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Wraps a fingerprint in an HTML comment, which GitHub hides when it renders the comment body. */
export function fingerprintMarker(value: string): string {
  return `<!-- promgate:fingerprint=${value} -->`;
}

/** Collects the fingerprints of comments promgate posted before. */
export function readFingerprints(bodies: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const body of bodies) {
    for (const match of body.matchAll(MARKER)) {
      if (match[1] !== undefined) found.add(match[1]);
    }
  }
  return found;
}
