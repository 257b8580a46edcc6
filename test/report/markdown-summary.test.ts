import { describe, expect, test } from 'vitest';
import { describeCounts, renderMarkdownSummary } from '../../src/report/markdown-summary.js';
import type { Finding } from '../../src/finding.js';

function finding(index: number, overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'yaml/schema',
    severity: 'error',
    file: 'rules/api.yml',
    line: index + 1,
    message: `Unknown key \`owner${index}\` in alert \`Alert${index}\`; Prometheus rejects the file.`,
    fix: `Remove \`owner${index}\`.`,
    docs: 'https://example.com/yaml/schema.md',
    ...overrides,
  };
}

describe('renderMarkdownSummary', () => {
  test('groups findings by file', () => {
    const text = renderMarkdownSummary(
      [
        { check: 'slo/coverage', severity: 'warning', message: 'Service `api` has no SLO.' },
        finding(0),
        finding(4, { file: 'rules/db.yml', severity: 'info', fix: undefined, docs: undefined }),
      ],
      { intro: ['Intro paragraph.'] },
    );
    expect(text).toBe(
      [
        'Intro paragraph.',
        '| Severity | Findings |\n| --- | ---: |\n| error | 1 |\n| warning | 1 |\n| info | 1 |',
        '### Pull request',
        '- **warning** `slo/coverage`: Service `api` has no SLO.',
        '### `rules/api.yml`',
        '- **error** [`yaml/schema`](https://example.com/yaml/schema.md) on line 1: Unknown key `owner0` in alert `Alert0`; Prometheus rejects the file.\n\n  Fix: Remove `owner0`.',
        '### `rules/db.yml`',
        '- **info** `yaml/schema` on line 5: Unknown key `owner4` in alert `Alert4`; Prometheus rejects the file.',
      ].join('\n\n'),
    );
  });

  test('no findings shows the table only', () => {
    expect(renderMarkdownSummary([], {})).toBe('| Severity | Findings |\n| --- | ---: |\n| error | 0 |\n| warning | 0 |\n| info | 0 |');
  });

  test('multi-line message stays in its list item', () => {
    const text = renderMarkdownSummary([finding(0, { message: 'First line.\nSecond line.', fix: undefined })]);
    expect(text.endsWith('on line 1: First line.\n  Second line.')).toBe(true);
  });

  test('html in a message is escaped outside code', () => {
    const text = renderMarkdownSummary([finding(0, { message: 'Value <!-- hidden --> and `a<b`.', fix: undefined })]);
    expect(text).toContain('Value &lt;!-- hidden --> and `a<b`.');
  });

  test('long summary is cut with a count', () => {
    const findings = Array.from({ length: 2_000 }, (_, index) => finding(index));
    const text = renderMarkdownSummary(findings, { intro: ['Intro.'], maxLength: 65_535 });

    expect(text.length).toBeLessThanOrEqual(65_535);
    const listed = text.match(/^- \*\*error\*\*/gm)?.length ?? 0;
    expect(listed).toBeGreaterThan(100);
    expect(listed).toBeLessThan(2_000);
    expect(text.endsWith(`…and ${2_000 - listed} more findings, left out to keep this summary under 65,535 characters. Run \`npx promgate lint\` on the files to see them all.`)).toBe(true);
    // The last finding listed is complete, fix included.
    expect(text).toContain(`Fix: Remove \`owner${listed - 1}\`.\n\n…and`);
  });

  test('summary that fits exactly is not cut', () => {
    const findings = [finding(0), finding(1)];
    const full = renderMarkdownSummary(findings);
    expect(renderMarkdownSummary(findings, { maxLength: full.length })).toBe(full);
    expect(renderMarkdownSummary(findings, { maxLength: full.length - 1 })).toMatch(/…and 1 more finding, left out to keep this summary under [\d,]+ characters\./);
  });

  test('limit below the intro still holds', () => {
    const text = renderMarkdownSummary([finding(0)], { intro: ['x'.repeat(500)], maxLength: 100 });
    expect(text).toHaveLength(100);
  });
});

describe('describeCounts', () => {
  test.each([
    [{ error: 0, warning: 0, info: 0 }, 'No problems found'],
    [{ error: 1, warning: 0, info: 0 }, '1 error'],
    [{ error: 3, warning: 2, info: 0 }, '3 errors, 2 warnings'],
    [{ error: 0, warning: 1, info: 4 }, '1 warning, 4 info'],
  ])('%o is %s', (counts, text) => {
    expect(describeCounts(counts)).toBe(text);
  });
});

describe('renderMarkdownSummary apart list', () => {
  const apart = (findings: Finding[]) => ({ heading: 'Pre-existing findings', intro: 'These were there before.', findings });

  test('follows the main list', () => {
    const text = renderMarkdownSummary([finding(0, { fix: undefined })], { apart: apart([finding(7, { file: 'rules/db.yml', fix: undefined })]) });
    expect(text).toBe(
      [
        '| Severity | Findings |\n| --- | ---: |\n| error | 1 |\n| warning | 0 |\n| info | 0 |',
        '### `rules/api.yml`',
        '- **error** [`yaml/schema`](https://example.com/yaml/schema.md) on line 1: Unknown key `owner0` in alert `Alert0`; Prometheus rejects the file.',
        '## Pre-existing findings',
        'These were there before.',
        '### `rules/db.yml`',
        '- **error** [`yaml/schema`](https://example.com/yaml/schema.md) on line 8: Unknown key `owner7` in alert `Alert7`; Prometheus rejects the file.',
      ].join('\n\n'),
    );
  });

  test('empty apart list adds nothing', () => {
    expect(renderMarkdownSummary([finding(0)], { apart: apart([]) })).toBe(renderMarkdownSummary([finding(0)]));
  });

  test('both lists are cut within the limit', () => {
    const main = Array.from({ length: 1_500 }, (_, index) => finding(index));
    const before = Array.from({ length: 1_500 }, (_, index) => finding(index, { file: 'rules/old.yml' }));
    const text = renderMarkdownSummary(main, { maxLength: 65_535, apart: apart(before) });

    expect(text.length).toBeLessThanOrEqual(65_535);
    expect(text).toContain('## Pre-existing findings\n\nThese were there before.');
    expect(text).toMatch(/…and \d+ more findings, left out to keep this summary under 65,535 characters\.[^\n]*\n\n## Pre-existing findings/);
    expect(text).toMatch(/…and 1500 more findings, left out to keep this summary under 65,535 characters\. Run `npx promgate lint` on the files to see them all\.$/);
  });
});
