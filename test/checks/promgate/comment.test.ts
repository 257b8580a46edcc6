import check from '../../../src/checks/promgate/comment.js';
import { testCheck } from '../harness.js';

const rules = (comment: string) => `groups:\n  - name: g\n    rules:\n      ${comment}\n      - alert: A\n        expr: up == 0\n`;

testCheck(check, {
  valid: [
    { name: 'disable with reason', files: rules('# promgate disable alerts/for -- fires at once on purpose') },
    { name: 'two ids', files: rules('# promgate disable alerts/for, alerts/labels') },
    { name: 'file disable', files: '# promgate file/disable naming/recording-rule -- legacy names\ngroups: []\n' },
    { name: 'comment in a block scalar', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          # promgate nonsense\n          up == 0\n' },
    { name: 'other comments', files: '# owned by team sre\ngroups: []\n' },
    { name: 'word starting with promgate', files: '# promgate-managed file\n# promgate: owned by sre\ngroups: []\n' },
    { name: 'capitalised directive', files: rules('# Promgate Disable alerts/for') },
  ],
  invalid: [
    { name: 'unknown directive', files: rules('# promgate ignore alerts/for'), findings: [{ line: 4, column: 7, message: 'Malformed promgate comment' }] },
    { name: 'unknown check id', files: rules('# promgate disable alerts/fr'), findings: [{ line: 4, column: 26, message: '`alerts/fr` in a promgate comment is not a promgate check' }] },
    { name: 'not an id', files: rules('# promgate disable everything'), findings: [{ line: 4, column: 26, message: 'is not a check id' }] },
    { name: 'no id at all', files: rules('# promgate disable -- because'), findings: [{ line: 4, column: 7, message: 'names no check' }] },
    {
      name: 'attached to nothing',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        # promgate disable alerts/for\n        expr: up == 0\n',
      findings: [{ line: 5, column: 9, message: 'attached to nothing' }],
    },
    { name: 'reason required', files: rules('# promgate disable alerts/for'), options: { require_reason: true }, findings: [{ line: 4, column: 7, message: 'gives no reason' }] },
  ],
});
