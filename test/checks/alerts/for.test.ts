import check from '../../../src/checks/alerts/for.js';
import { testCheck } from '../harness.js';

const alert = (expr: string, extra = '') => `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${expr}\n${extra}`;

testCheck(check, {
  valid: [
    { name: 'with for', files: alert('up == 0', '        for: 5m\n') },
    { name: 'dead man switch', files: alert('vector(1)') },
    { name: 'recording rule', files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n' },
  ],
  invalid: [
    { name: 'no for', files: alert('up == 0'), findings: [{ line: 4, column: 16, message: 'has no `for`', severity: 'warning' }] },
    { name: 'explicit zero', files: alert('up == 0', '        for: 0s\n'), findings: [{ line: 6, column: 14, message: '`for: 0s`', severity: 'info' }] },
    { name: 'explicit zero without unit', files: alert('up == 0', '        for: 0\n'), findings: [{ line: 6, column: 14, severity: 'info' }] },
  ],
});
