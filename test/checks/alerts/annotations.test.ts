import check from '../../../src/checks/alerts/annotations.js';
import { testCheck } from '../harness.js';

const alert = (annotations: string) => `groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n${annotations}`;
const complete = (runbook: string) =>
  alert(`        annotations:\n          summary: Target down\n          description: "{{ $labels.instance }} is down"\n          runbook_url: ${runbook}\n`);

testCheck(check, {
  valid: [
    { name: 'all annotations', files: complete('https://runbooks.example.com/Down') },
    { name: 'templated runbook path', files: complete('"https://runbooks.example.com/{{ $labels.alertname }}"') },
    { name: 'runbook from external URL', files: complete('"{{ $externalURL }}/runbooks/down"') },
    { name: 'custom required list', files: alert('        annotations:\n          summary: x\n'), options: { required: ['summary'] } },
    { name: 'recording rule', files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n' },
  ],
  invalid: [
    { name: 'no annotations', files: alert(''), findings: [{ line: 4, column: 16, message: 'has no `summary`, `description`, `runbook_url` annotations' }] },
    {
      name: 'missing runbook',
      files: alert('        annotations:\n          summary: x\n          description: y\n'),
      findings: [{ line: 4, column: 16, message: 'has no `runbook_url` annotation' }],
    },
    {
      name: 'empty description',
      files: alert('        annotations:\n          summary: x\n          description: ""\n          runbook_url: https://x.example/a\n'),
      findings: [{ line: 4, column: 16, message: '`description`' }],
    },
    { name: 'relative runbook', files: complete('/runbooks/down'), findings: [{ line: 9, column: 24, message: 'not an absolute http(s) URL' }] },
    { name: 'runbook without scheme', files: complete('runbooks.example.com/down'), findings: [{ line: 9, column: 24 }] },
  ],
});
