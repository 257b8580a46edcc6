import { describe, expect, test } from 'vitest';
import { isBotAuthor, parseCommentCommand } from '../../src/github/comment-command.js';
import type { CommentCommand } from '../../src/github/comment-command.js';

describe('parseCommentCommand', () => {
  test.each<[string, string, CommentCommand]>([
    ['regenerate', '/promgate regenerate', { name: 'regenerate' }],
    ['recheck', '/promgate recheck', { name: 'recheck' }],
    ['help', '/promgate help', { name: 'help' }],
    ['explain with id', '/promgate explain slo/spec', { name: 'explain', checkId: 'slo/spec' }],
    ['explain without id', '/promgate explain', { name: 'explain', checkId: undefined }],
    ['bare prefix', '/promgate', { name: 'unknown', word: '' }],
    ['unknown word', '/promgate deploy', { name: 'unknown', word: 'deploy' }],
    ['later line', 'LGTM.\n\n/promgate regenerate', { name: 'regenerate' }],
    ['CRLF line ends', 'Thanks\r\n/promgate recheck\r\n', { name: 'recheck' }],
    ['trailing words', '/promgate regenerate please', { name: 'regenerate' }],
    ['tab separator', '/promgate\texplain\talerts/for', { name: 'explain', checkId: 'alerts/for' }],
    ['first of two', '/promgate help\n/promgate regenerate', { name: 'help' }],
    ['after a fenced block', '```\n/promgate regenerate\n```\n/promgate recheck', { name: 'recheck' }],
    ['after a tilde block', '~~~\n/promgate regenerate\n~~~\n/promgate help', { name: 'help' }],
  ])('reads %s', (_name, body, expected) => {
    expect(parseCommentCommand(body)).toEqual(expected);
  });

  test.each([
    ['plain text', 'Looks good to me.'],
    ['mid-line', 'Please run /promgate regenerate'],
    ['indented', ' /promgate regenerate'],
    ['quoted', '> /promgate regenerate'],
    ['inside a fence', '```sh\n/promgate regenerate\n```'],
    ['inside an unclosed fence', '````\n/promgate regenerate'],
    ['shorter closing fence', '````\n```\n/promgate regenerate\n````'],
    ['upper case', '/PROMGATE regenerate'],
    ['joined word', '/promgate-regenerate'],
    ['empty', ''],
  ])('ignores %s', (_name, body) => {
    expect(parseCommentCommand(body)).toBeUndefined();
  });
});

describe('isBotAuthor', () => {
  test.each([
    ['App account', { login: 'promgate[bot]', type: 'Bot' }, true],
    ['bot login typed User', { login: 'dependabot[bot]', type: 'User' }, true],
    ['Bot type without suffix', { login: 'ci-bot', type: 'Bot' }, true],
    ['person', { login: 'octocat', type: 'User' }, false],
    ['person named bot', { login: 'robot', type: 'User' }, false],
  ])('%s', (_name, author, expected) => {
    expect(isBotAuthor(author)).toBe(expected);
  });
});
