import { describe, expect, it } from 'vitest';
import { editDistance, findClosestMatch } from '../../src/policy/closest-match.js';

const IDS = ['alerts/labels', 'labels/env', 'labels/env-dropped', 'naming/counter-suffix', 'yaml/syntax'];

describe('findClosestMatch', () => {
  it.each([
    { word: 'naming/counter-sufix', expected: 'naming/counter-suffix' },
    { word: 'counter-suffix', expected: 'naming/counter-suffix' },
    { word: 'labels/Env', expected: 'labels/env' },
    { word: 'yaml/sytnax', expected: 'yaml/syntax' },
    { word: 'slo/coverage', expected: undefined },
    { word: 'x', expected: undefined },
  ])('$word', ({ word, expected }) => {
    expect(findClosestMatch(word, IDS)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['fail_on', 'failon', 1],
  ] as const)('%s to %s', (left, right, expected) => {
    expect(editDistance(left, right)).toBe(expected);
  });
});
