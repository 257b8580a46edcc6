import check from '../../../src/checks/rules/group.js';
import { testCheck } from '../harness.js';

testCheck(check, {
  valid: [{ name: 'one minute', files: 'groups:\n  - name: g\n    interval: 1m\n    rules:\n      - alert: A\n        expr: up == 0\n' }],
  invalid: [
    { name: 'empty rules', files: 'groups:\n  - name: g\n    rules: []\n', findings: [{ line: 2, column: 11, message: 'Rule group `g` has no rules' }] },
    { name: 'missing rules', files: 'groups:\n  - name: g\n', findings: [{ line: 2, column: 11 }] },
    { name: 'five minute interval', files: 'groups:\n  - name: g\n    interval: 5m\n    rules:\n      - alert: A\n        expr: up == 0\n', findings: [{ line: 3, column: 15, message: 'evaluated every 5m' }] },
  ],
});
