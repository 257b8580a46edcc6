import check from '../../../src/checks/alerts/comparison.js';
import { testCheck } from '../harness.js';

const alert = (expr: string) => `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${expr}\n`;

testCheck(check, {
  valid: [
    { name: 'threshold', files: alert('job:errors:ratio_rate5m > 0.05') },
    { name: 'absent', files: alert('absent(up{job="api"})') },
    { name: 'absent or absent', files: alert('absent(a) or absent(b)') },
    { name: 'filter inside aggregation', files: alert('count(up == 0) > 2') },
    { name: 'sum of filtered', files: alert('sum by (job) (rate(x_total[5m]) > 1)') },
    { name: 'and filter', files: alert('up and on (job) (job:errors:ratio_rate5m > 0.1)') },
    { name: 'filter times scalar', files: alert('(x > 5) * 100') },
    { name: 'dead man switch', files: alert('vector(1)') },
    { name: 'label_replace of filter', files: alert('label_replace(up == 0, "a", "b", "", "")') },
    { name: 'each branch compares', files: alert('rate(a_total[5m]) > 1 or rate(b_total[5m]) > 1') },
  ],
  invalid: [
    { name: 'bare selector', files: alert('up{job="api"}'), findings: [{ line: 5, column: 15, message: 'has an expression with no comparison or filter' }] },
    { name: 'bool comparison', files: alert('up == bool 0'), findings: [{ line: 5, column: 15 }] },
    { name: 'rate without threshold', files: alert('sum by (job) (rate(errors_total[5m]))'), findings: [{ line: 5, column: 15 }] },
    { name: 'topk does not filter', files: alert('topk(3, x)'), findings: [{ line: 5, column: 15 }] },
    { name: 'one or branch', files: alert('absent(up) or up{job="a"}'), findings: [{ line: 5, column: 29, message: 'an `or` branch' }] },
  ],
});
