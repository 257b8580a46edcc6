import { describe, expect, test } from 'vitest';
import { fingerprint, fingerprintMarker, readFingerprints } from '../../src/github/review-fingerprint.js';
import { fingerprintPlaced, MAX_REVIEW_COMMENTS, planReview } from '../../src/github/review-plan.js';
import type { Finding } from '../../src/finding.js';

function finding(line: number, message = `Problem on line ${line}.`): Finding {
  return { check: 'yaml/schema', severity: 'error', file: 'rules/a.yml', line, endLine: line, message, fix: 'Fix it.', docs: 'https://example.com/doc.md' };
}

describe('fingerprint', () => {
  test('ignores the line', () => {
    expect(fingerprint(finding(3, 'Same.'), 0)).toBe(fingerprint(finding(9, 'Same.'), 0));
  });

  test('distinguishes occurrences', () => {
    expect(fingerprint(finding(3, 'Same.'), 0)).not.toBe(fingerprint(finding(3, 'Same.'), 1));
  });

  test('is read back from a comment', () => {
    const value = fingerprint(finding(3), 0);
    expect(readFingerprints([`text\n\n${fingerprintMarker(value)}`, 'no marker'])).toEqual(new Set([value]));
  });
});

describe('planReview', () => {
  test('twin findings get distinct fingerprints', () => {
    const findings = [finding(3, 'Same.'), finding(8, 'Same.')];
    const placed = fingerprintPlaced(
      findings.map((entry) => ({ finding: entry, path: 'rules/a.yml', line: entry.line! })),
      findings,
    );
    expect(placed[0]?.fingerprint).not.toBe(placed[1]?.fingerprint);
  });

  test('nothing new means no review', () => {
    const findings = [finding(3)];
    const placed = fingerprintPlaced([{ finding: findings[0]!, path: 'rules/a.yml', line: 3 }], findings);
    expect(planReview(placed, new Set([placed[0]!.fingerprint]), 1)).toBeUndefined();
    expect(planReview([], new Set(), 1)).toBeUndefined();
  });

  test('single finding', () => {
    const findings = [finding(3)];
    const placed = fingerprintPlaced([{ finding: findings[0]!, path: 'rules/a.yml', line: 3 }], findings);
    expect(planReview(placed, new Set(), 1)).toEqual({
      event: 'COMMENT',
      body: 'promgate commented on 1 finding in the changed lines: 1 error. The `promgate` check run lists the one finding of this pull request.',
      comments: [
        {
          path: 'rules/a.yml',
          line: 3,
          side: 'RIGHT',
          body: `**error** [\`yaml/schema\`](https://example.com/doc.md): Problem on line 3.\n\n**Fix:** Fix it.\n\n${fingerprintMarker(placed[0]!.fingerprint)}`,
        },
      ],
    });
  });

  test('comments are capped', () => {
    const findings = Array.from({ length: MAX_REVIEW_COMMENTS + 7 }, (_, index) => finding(index + 1));
    const placed = fingerprintPlaced(
      findings.map((entry) => ({ finding: entry, path: 'rules/a.yml', line: entry.line! })),
      findings,
    );
    const review = planReview(placed, new Set(), 70);
    expect(review?.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(review?.body).toBe(
      `promgate commented on ${MAX_REVIEW_COMMENTS} findings in the changed lines: ${MAX_REVIEW_COMMENTS} errors. 7 more in the changed lines have no comment, to keep this review readable. The \`promgate\` check run lists all 70 findings of this pull request.`,
    );
  });
});
