import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  null: 'null',
};

const MAX_VALUE_LENGTH = 60;

/**
 * Describes a zod issue for a policy author: what is wrong with the value found
 * (quoted as JSON) and what is expected instead. `present` is false when the
 * key is missing, so there is no value to show.
 */
export function describeIssue(issue: Issue, present: boolean): string {
  const expected = describeExpected(issue);
  if (!present) return `missing required key; add it with ${expected}.`;
  const input = 'input' in issue ? formatValue(issue.input) : 'here';
  if (issue.code === 'custom') return `invalid value ${input}; ${issue.message}.`;
  return `invalid value ${input}; expected ${expected}.`;
}

/** Quotes a value as JSON, shortened so one message stays on one line. */
export function formatValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function describeExpected(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return describeBound(issue.origin, 'at least', issue.minimum, issue.inclusive);
    case 'too_big':
      return describeBound(issue.origin, 'at most', issue.maximum, issue.inclusive);
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `text matching /${String(issue.pattern)}/` : `a valid ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return describeUnion(issue.errors);
    default:
      return lowerFirst(issue.message);
  }
}

function describeBound(origin: string, word: 'at least' | 'at most', limit: number | bigint, inclusive: boolean | undefined): string {
  const count = Number(limit);
  if (origin === 'array' || origin === 'set') return `${word} ${count} ${count === 1 ? 'item' : 'items'}`;
  if (origin === 'string') {
    if (word === 'at least' && count === 1) return 'a non-empty string';
    return `${word} ${count} ${count === 1 ? 'character' : 'characters'}`;
  }
  let operator = word === 'at least' ? '>=' : '<=';
  if (inclusive === false) operator = word === 'at least' ? '>' : '<';
  return `a number ${operator} ${count}`;
}

function describeUnion(alternatives: readonly (readonly Issue[])[]): string {
  const described = alternatives.map((issues) => (issues[0] === undefined ? undefined : describeExpected(issues[0])));
  const unique = [...new Set(described.filter((text): text is string => text !== undefined))];
  return unique.length === 0 ? 'a different value' : unique.join(' or ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
