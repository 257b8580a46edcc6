import check from '../../../src/checks/alerts/labels.js';
import { testCheck } from '../harness.js';

const alert = (labels: string) => `groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n${labels}`;

testCheck(check, {
  valid: [
    { name: 'critical', files: alert('        labels:\n          severity: critical\n') },
    { name: 'templated severity', files: alert('        labels:\n          severity: "{{ $labels.severity }}"\n') },
    { name: 'recording rule', files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n' },
    { name: 'custom allowed value', files: alert('        labels:\n          severity: page\n'), options: { allowed_severities: ['page', 'ticket'] } },
  ],
  invalid: [
    { name: 'no labels', files: alert(''), findings: [{ line: 4, column: 16, message: 'has no `severity` label' }] },
    { name: 'labels without severity', files: alert('        labels:\n          team: sre\n'), findings: [{ line: 4, column: 16 }] },
    {
      name: 'unknown severity',
      files: alert('        labels:\n          severity: high\n'),
      findings: [{ line: 7, column: 21, message: '`severity: high`, which is not one of `critical`, `warning`, `info`' }],
    },
    { name: 'upper-case severity', files: alert('        labels:\n          severity: Critical\n'), findings: [{ line: 7, column: 21 }] },
  ],
});
