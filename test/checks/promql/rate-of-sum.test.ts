import check from '../../../src/checks/promql/rate-of-sum.js';
import { testCheck } from '../harness.js';

const record = (name: string, expr: string) => `      - record: ${name}\n        expr: ${expr}\n`;
const rules = (...entries: string[]) => `groups:\n  - name: g\n    rules:\n${entries.join('')}`;

testCheck(check, {
  valid: [
    { name: 'sum of rates', files: rules(record('job:x:rate5m', 'sum by (job) (rate(x_total[5m]))')) },
    { name: 'rate of subquery of selector', files: rules(record('job:x:rate5m', 'rate(x_total[5m:1m])')) },
    { name: 'rate of recorded rate', files: rules(record('job:x:sum_rate', 'sum(rate(x_total[5m]))'), record('job:x:rate_rate', 'rate(job:x:sum_rate[5m])')) },
    { name: 'max_over_time of subquery of sum', files: rules(record('job:x:max', 'max_over_time(sum(x)[1h:])')) },
  ],
  invalid: [
    { name: 'rate of subquery of sum', files: rules(record('job:x:rate5m', 'rate(sum by (job) (x_total)[5m:1m])')), findings: [{ line: 5, column: 15, message: 'over `sum(...)`' }] },
    { name: 'increase in parentheses', files: rules(record('job:x:inc', 'increase((sum(x_total))[1h:])')), findings: [{ line: 5, column: 15 }] },
    {
      name: 'rate of recorded sum of counters',
      files: { 'a.yml': rules(record('job:x_total:sum', 'sum by (job) (x_total)')), 'b.yml': rules(record('job:x:rate5m', 'rate(job:x_total:sum[5m])')) },
      findings: [{ file: 'b.yml', line: 5, column: 15, message: 'which the recording rule in a.yml:4 computes by aggregating raw counters' }],
    },
  ],
});
