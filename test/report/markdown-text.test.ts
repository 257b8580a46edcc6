import { describe, expect, test } from 'vitest';
import { escapeHtml, inlineCode } from '../../src/report/markdown-text.js';

describe('inlineCode', () => {
  test.each([
    ['rules/api.yml', '`rules/api.yml`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
    ['x``y', '```x``y```'],
  ])('%s', (text, code) => {
    expect(inlineCode(text)).toBe(code);
  });
});

describe('escapeHtml', () => {
  test.each([
    ['plain <b>', 'plain &lt;b>'],
    ['code `<b>` kept', 'code `<b>` kept'],
    ['double ``a ` <b>`` then <i>', 'double ``a ` <b>`` then &lt;i>'],
    ['unmatched ` then <i>', 'unmatched ` then &lt;i>'],
    ['', ''],
  ])('%s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});
