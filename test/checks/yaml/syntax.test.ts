import check from '../../../src/checks/yaml/syntax.js';
import { testCheck } from '../harness.js';

testCheck(check, {
  valid: [
    { name: 'rule file', files: 'groups:\n  - name: g\n    rules: []\n' },
    { name: 'empty file', files: '' },
    { name: 'comments only', files: '# nothing here\n' },
  ],
  invalid: [
    { name: 'unclosed flow sequence', files: 'groups: [\n', findings: [{ line: 1, column: 10, message: 'end with a ]' }] },
    { name: 'bad indentation', files: 'groups:\n  - name: g\n   rules: []\n', findings: [{ line: 3, column: 4, message: 'bad indentation' }] },
    { name: 'unclosed quote', files: 'groups:\n  - name: "g\n', findings: [{ line: 2, column: 13, message: 'missing closing' }] },
    { name: 'tab indentation', files: 'groups:\n\t- name: g\n', findings: [{ line: 2, column: 1 }] },
    { name: 'undefined alias', files: 'groups: *nothing\n', findings: [{ line: 1, column: 9, message: 'refers to no anchor' }] },
    {
      name: 'broken second document',
      files: '---\ngroups: []\n---\ngroups: [\n---\ngroups: []\n',
      findings: [{ line: 4, column: 10, message: 'end with a ]' }],
    },
    {
      name: 'alias expansion bomb',
      files: [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
        'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
        '',
      ].join('\n'),
      findings: [{ line: 6, column: 7, message: 'aliases expand this document to more than 1,000,000 nodes' }],
    },
    {
      name: 'nesting too deep',
      files: `${'['.repeat(200)}${']'.repeat(200)}\n`,
      findings: [{ line: 1, column: 100, message: 'nesting' }],
    },
  ],
});
