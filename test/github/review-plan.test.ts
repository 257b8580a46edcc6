import { describe, expect, test } from 'vitest';
import { fingerprint, fingerprintFindings, fingerprintMarker, readFingerprints } from '../../src/github/review-fingerprint.js';
import { MAX_REVIEW_COMMENTS, planReview } from '../../src/github/review-plan.js';
import type { Finding } from '../../src/finding.js';
import type { ReviewCandidate } from '../../src/github/review-plan.js';

function finding(line: number, message = `Problem on line ${line}.`, rule = `Rule${line}`): Finding {
  return {
    check: 'alerts/for',
    severity: 'error',
    file: 'rules/a.yml',
    line,
    endLine: line,
    message,
    fix: 'Fix it.',
    docs: 'https://example.com/doc.md',
    subject: { kind: 'rule', name: rule, startLine: line, endLine: line + 1 },
  };
}

const PULL_REQUEST_FINDING: Finding = { check: 'slo/coverage', severity: 'warning', message: 'Service `api` has no SLO.' };

function placed(entry: Finding, line = entry.line!): ReviewCandidate {
  return { finding: entry, fingerprint: fingerprint(entry, 0), comment: { path: entry.file!, line } };
}

describe('fingerprint', () => {
  test('ignores the line', () => {
    expect(fingerprint(finding(3, 'Same.', 'A'), 0)).toBe(fingerprint(finding(9, 'Same.', 'A'), 0));
  });

  test('distinguishes rules', () => {
    expect(fingerprint(finding(3, 'Same.', 'A'), 0)).not.toBe(fingerprint(finding(3, 'Same.', 'B'), 0));
  });

  test('distinguishes occurrences', () => {
    expect(fingerprint(finding(3, 'Same.'), 0)).not.toBe(fingerprint(finding(3, 'Same.'), 1));
  });

  test('counts twins in order', () => {
    const twins = [finding(3, 'Same.', 'A'), finding(8, 'Same.', 'A')];
    const fingerprints = fingerprintFindings(twins);
    expect(fingerprints.get(twins[0]!)).toBe(fingerprint(twins[0]!, 0));
    expect(fingerprints.get(twins[1]!)).toBe(fingerprint(twins[1]!, 1));
  });

  test('is read back from a comment', () => {
    const value = fingerprint(finding(3), 0);
    expect(readFingerprints([`text\n\n${fingerprintMarker(value)}`, 'no marker'])).toEqual(new Set([value]));
  });
});

describe('planReview', () => {
  test('nothing new means no review', () => {
    const candidate = placed(finding(3));
    expect(planReview([candidate], new Set([candidate.fingerprint]))).toBeUndefined();
    expect(planReview([], new Set())).toBeUndefined();
  });

  test('finding without position stays out', () => {
    const entry = finding(3);
    expect(planReview([{ finding: entry, fingerprint: fingerprint(entry, 0) }], new Set())).toBeUndefined();
  });

  test('single finding', () => {
    const candidate = placed(finding(3), 4);
    expect(planReview([candidate], new Set())).toEqual({
      event: 'COMMENT',
      body: 'promgate found 1 new problem in the changes of this pull request: 1 error.\n\nThe `promgate` check run lists every finding of this pull request.',
      comments: [
        {
          path: 'rules/a.yml',
          line: 4,
          side: 'RIGHT',
          body: `**error** [\`alerts/for\`](https://example.com/doc.md): Problem on line 3.\n\n**Fix:** Fix it.\n\n${fingerprintMarker(candidate.fingerprint)}`,
        },
      ],
    });
  });

  test('pull request finding goes in the body', () => {
    const candidate = { finding: PULL_REQUEST_FINDING, fingerprint: fingerprint(PULL_REQUEST_FINDING, 0) };
    expect(planReview([candidate], new Set())).toEqual({
      event: 'COMMENT',
      body: [
        'promgate found 1 new problem in the changes of this pull request: 1 warning.',
        '**About the pull request as a whole:**',
        '- **warning** `slo/coverage`: Service `api` has no SLO.',
        'The `promgate` check run lists every finding of this pull request.',
        fingerprintMarker(candidate.fingerprint),
      ].join('\n\n'),
      comments: [],
    });
  });

  test('comments are capped', () => {
    const candidates = Array.from({ length: MAX_REVIEW_COMMENTS + 7 }, (_, index) => placed(finding(index + 1)));
    const review = planReview(candidates, new Set());

    expect(review?.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(review?.body).toContain(`promgate found ${MAX_REVIEW_COMMENTS + 7} new problems in the changes of this pull request: ${MAX_REVIEW_COMMENTS + 7} errors.`);
    expect(review?.body).toContain(`**On changed lines, without an inline comment because a review carries at most ${MAX_REVIEW_COMMENTS}:**`);
    expect(review?.body).toContain('- **error** [`alerts/for`](https://example.com/doc.md) in `rules/a.yml` on line 57: Problem on line 57.');
    for (const candidate of candidates.slice(MAX_REVIEW_COMMENTS)) expect(review?.body).toContain(fingerprintMarker(candidate.fingerprint));
    for (const candidate of candidates.slice(0, MAX_REVIEW_COMMENTS)) expect(review?.body).not.toContain(fingerprintMarker(candidate.fingerprint));
  });

  test('without inline comments lists them all', () => {
    const candidates = [placed(finding(3)), placed(finding(9))];
    const review = planReview(candidates, new Set(), { inlineComments: false });

    expect(review?.comments).toEqual([]);
    expect(review?.body).toContain('**On changed lines:** GitHub rejected the inline comments of this review, so promgate lists them here.');
    expect(readFingerprints([review!.body])).toEqual(new Set(candidates.map((candidate) => candidate.fingerprint)));
  });

  test('huge body is cut', () => {
    const long = 'x'.repeat(2_000);
    const candidates = Array.from({ length: 200 }, (_, index) => placed(finding(index + 1, `${long} ${index}`)));
    const review = planReview(candidates, new Set());

    expect(review!.body.length).toBeLessThan(65_536);
    expect(review?.body).toMatch(/…and \d+ more, listed in the `promgate` check run\./);
  });
});
