import check from '../../../src/checks/labels/free-text.js';
import { testCheck } from '../harness.js';

const record = (expr: string, extra = '') => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${expr}\n${extra}`;

testCheck(check, {
  valid: [
    { name: 'reason label', files: record('sum by (reason) (x)') },
    { name: 'messages_total metric', files: record('sum(rate(messages_total[5m]))') },
  ],
  invalid: [
    { name: 'by message', files: record('sum by (message) (x)'), findings: [{ line: 5, column: 15, message: 'keeps the label `message` with `sum by (...)`, which contains free text' }] },
    { name: 'rule label', files: record('sum(x)', '        labels:\n          error_message: boom\n'), findings: [{ line: 7, column: 11 }] },
    { name: 'label_join to sql', files: record('label_join(x, "sql", ",", "a", "b")'), findings: [{ line: 5, column: 15 }] },
    {
      name: 'relabel to log',
      files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    metric_relabel_configs:\n      - source_labels: [line]\n        target_label: log\n' },
      findings: [{ file: 'prometheus.yml', line: 5, column: 23 }],
    },
  ],
});
