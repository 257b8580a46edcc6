import check from '../../../src/checks/labels/cardinality.js';
import { testCheck } from '../harness.js';

const record = (expr: string, extra = '') => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${expr}\n${extra}`;

testCheck(check, {
  valid: [
    { name: 'by job', files: record('sum by (job) (x)') },
    { name: 'without user_id', files: record('sum without (user_id) (x)') },
    { name: 'similar name', files: record('sum by (user_identity_provider) (x)') },
    { name: 'value in annotation', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x > 1\n        annotations:\n          description: "{{ $value }}"\n' },
    { name: 'labeldrop of user_id', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    metric_relabel_configs:\n      - action: labeldrop\n        regex: user_id\n' } },
  ],
  invalid: [
    { name: 'by user_id', files: record('sum by (job, user_id) (x)'), findings: [{ line: 5, column: 15, message: 'keeps the label `user_id` with `sum by (...)`, which has a value per user' }] },
    { name: 'label_replace destination', files: record('label_replace(x, "email", "$1", "user", "(.*)")'), findings: [{ line: 5, column: 15 }] },
    { name: 'count_values label', files: record('count_values("request_id", x)'), findings: [{ line: 5, column: 15 }] },
    { name: 'rule label', files: record('sum(x)', '        labels:\n          trace_id: abc\n'), findings: [{ line: 7, column: 11, message: 'sets the label' }] },
    {
      name: 'value template in label',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x > 1\n        labels:\n          current: "{{ $value }}"\n',
      findings: [{ line: 7, column: 21, message: 'uses `$value`' }],
    },
    {
      name: 'relabel target',
      files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - source_labels: [__meta_x]\n        target_label: session_id\n' },
      findings: [{ file: 'prometheus.yml', line: 5, column: 23 }],
    },
    {
      name: 'static label',
      files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [a:1]\n        labels:\n          uuid: x\n' },
      findings: [{ file: 'prometheus.yml', line: 6, column: 11 }],
    },
    { name: 'custom list', files: record('sum by (tenant) (x)'), options: { denied_labels: ['tenant'] }, findings: [{ line: 5, column: 15 }] },
  ],
});
