import { describe, expect, test } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { readCheckPage, suggestCheckIds } from '../../src/github/check-docs.js';

const CHECK_IDS = CHECKS.map((check) => check.id);

describe('readCheckPage', () => {
  test.each(CHECK_IDS)('reads the page of %s', async (checkId) => {
    const page = await readCheckPage(checkId, CHECK_IDS);

    expect(page?.markdown.startsWith(`# ${checkId}\n`)).toBe(true);
    expect(page?.url).toBe(`https://github.com/promgate/promgate/blob/main/docs/checks/${checkId}.md`);
    expect(page?.markdown).not.toMatch(/\]\((?![a-z]+:)[^)]*\)/);
  });

  test.each(['../../package', 'slo', 'README', 'slo/generated-stale.md'])('rejects %s', async (word) => {
    expect(await readCheckPage(word, CHECK_IDS)).toBeUndefined();
  });
});

describe('suggestCheckIds', () => {
  test.each([
    ['topic alone', 'generated-stale', ['slo/generated-stale']],
    ['typo', 'promql/regexpp', ['promql/regexp']],
    ['typo in topic', 'counter-sufix', ['naming/counter-suffix']],
    ['area', 'scrape', ['scrape/config', 'scrape/federation', 'scrape/intervals', 'scrape/kubernetes', 'scrape/pushgateway']],
    ['unrelated word', 'kafka-lag', []],
  ])('%s', (_name, word, expected) => {
    expect(suggestCheckIds(word, CHECK_IDS)).toEqual(expected);
  });
});
