import { createHash } from 'node:crypto';
import type { Finding } from '../finding.js';

const MARKER = /<!-- promgate:fingerprint=([0-9a-f]{16}) -->/g;

/**
 * Identifies the comment for one finding across pushes and webhook
 * redeliveries, from its file, check, rule (or group, or job) and message.
 * Line numbers are left out because unrelated edits move them.
 * `occurrence` distinguishes findings that agree on all of these.
 */
export function fingerprint(finding: Finding, occurrence: number): string {
  return createHash('sha256').update(identityKey(finding)).update(`\u0000${occurrence}`).digest('hex').slice(0, 16);
}

/**
 * Fingerprints every finding. Occurrences are counted over all findings of
 * the review, in order, so a twin finding moving in or out of the diff does
 * not change the fingerprint of the other.
 */
export function fingerprintFindings(findings: readonly Finding[]): Map<Finding, string> {
  const fingerprints = new Map<Finding, string>();
  const occurrences = new Map<string, number>();
  for (const finding of findings) {
    const key = identityKey(finding);
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    fingerprints.set(finding, fingerprint(finding, occurrence));
  }
  return fingerprints;
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

function identityKey(finding: Finding): string {
  const subject = finding.subject === undefined ? '' : `${finding.subject.kind}:${finding.subject.name}`;
  return [finding.file ?? '', finding.check, subject, finding.message].join('\u0000');
}
