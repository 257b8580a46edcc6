import { describe, expect, it } from 'vitest';
import { checkRe2 } from '../../src/promql/index.js';

describe('checkRe2', () => {
  const valid = [
    'a', '', '.*', '(?i)error', '(?i:a)b', '(?im-s:a)', '(?U)a*', '(?:a|b)+', '(?P<name>a)', '(?<name>a)',
    '\\pL', '\\p{Greek}', '\\p{^Greek}', '\\PL', '\\pN+', '[\\pL\\d_]', '[[:alpha:]]', '[[:^digit:]]',
    '\\Aabc\\z', '\\bword\\B', '\\Q.*+?\\E', '\\Qunterminated', '\\d\\D\\s\\S\\w\\W', '[]a]', '[^]a]',
    '[a-]', '[-a]', '[a-z0-9]', 'a{2}', 'a{2,}', 'a{2,3}', 'a{0}', 'a{1000}', 'a*?', 'a+?', 'a??', 'a{2}?',
    'a{', 'a{,5}', '(a{10}){100}', '(a{1000}){0}', '(a*){1000}', 'a{2,}', 'a{x}', '}', ']', '\\x41', '\\x{1F389}', '\\0', '\\012', '\\12', '\\a\\f\\t\\n\\r\\v',
    '\\.', '\\-', '\\_', '\\ ', '^*', 'a||b', '()', '(?)', 'é+', '🎉',
  ];
  it.each(valid)('accepts %j', (pattern) => {
    expect(checkRe2(pattern).error).toBeUndefined();
  });

  const invalid: Array<[string, string]> = [
    ['(', 'missing its closing `)`'],
    ['a)', 'has no matching `(`'],
    ['(?=a)', 'lookahead'],
    ['(?!a)', 'lookahead'],
    ['(?<=a)', 'lookbehind'],
    ['(?<!a)', 'lookbehind'],
    ['(a)\\1', 'backreference'],
    ['\\8', 'not a valid RE2 escape'],
    ['a**', 'stacks repetition operators'],
    ['a*+', 'stacks repetition operators'],
    ['a++', 'stacks repetition operators'],
    ['a*??', 'stacks repetition operators'],
    ['a{2}{3}', 'stacks repetition operators'],
    ['a{2}*', 'stacks repetition operators'],
    ['*a', 'has nothing to repeat'],
    ['a|*', 'has nothing to repeat'],
    ['(*)', 'has nothing to repeat'],
    ['(?i)*', 'has nothing to repeat'],
    ['a{1001}', 'repeat count'],
    ['a{2,1}', 'repeat count'],
    ['(a{1000}){1000}', 'multiply to more than 1000'],
    ['((a{10}){10}){11}', 'multiply to more than 1000'],
    ['(a{2,}){501}', 'multiply to more than 1000'],
    ['[a', 'missing its closing `]`'],
    ['[]', 'missing its closing `]`'],
    ['[z-a]', 'runs backwards'],
    ['[[:foo:]]', 'is not a POSIX class'],
    ['\\p{Foo}', 'names no Unicode'],
    ['\\p{Latn}', 'names no Unicode'],
    ['\\pX', 'names no Unicode class'],
    ['\\p', 'must be followed by a Unicode class name'],
    ['\\Z', 'not a valid RE2 escape'],
    ['\\e', 'not a valid RE2 escape'],
    ['\\é', 'not a valid RE2 escape'],
    ['[\\b]', 'not a valid RE2 escape'],
    ['\\C', '`\\C`'],
    ['\\x4', 'not a valid hex escape'],
    ['\\x{}', 'not a valid hex escape'],
    ['\\x{110000}', 'not a valid hex escape'],
    ['(?x)a', 'not supported RE2 group syntax'],
    ['(?i-)a', 'not supported RE2 group syntax'],
    ['(?#comment)', 'not supported RE2 group syntax'],
    ['(?>a)', 'not supported RE2 group syntax'],
    ['(?P<1-a>x)', 'is not a valid group name'],
    ['(?P<>x)', 'is not a valid group name'],
    ['(?P<name', 'missing its closing `>`'],
    ['\\', 'ends with a lone'],
  ];
  it.each(invalid)('rejects %j', (pattern, fragment) => {
    const result = checkRe2(pattern);
    expect(result.error).toContain(fragment);
    expect(result.matchesEmpty).toBe(false);
  });

  const empty: Array<[string, boolean]> = [
    ['', true], ['.*', true], ['.+', false], ['a*', true], ['a+', false], ['a?', true], ['a|', true],
    ['a|b', false], ['(a|)', true], ['(a|b)+', false], ['(a|)+', true], ['x{0}', true], ['x{0,2}', true],
    ['x{1,2}', false], ['^$', true], ['\\b', false], ['\\B', true], ['\\A\\z', true], ['(?i)', true],
    ['\\Q\\E', true], ['\\Qa\\E', false], ['[^a]', false], ['a*b*', true], ['a*b', false], ['(?:)', true],
  ];
  it.each(empty)('computes whether %j matches the empty string', (pattern, matchesEmpty) => {
    expect(checkRe2(pattern).matchesEmpty).toBe(matchesEmpty);
  });

  it('flags angle-bracket named groups', () => {
    expect(checkRe2('(?<n>a)').usesAngleNamedGroup).toBe(true);
    expect(checkRe2('(?P<n>a)').usesAngleNamedGroup).toBe(false);
  });
});
