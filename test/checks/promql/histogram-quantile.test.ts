import check from '../../../src/checks/promql/histogram-quantile.js';
import { testCheck } from '../harness.js';

const record = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:latency_seconds:p99\n        expr: ${expr}\n`;

testCheck(check, {
  valid: [
    { name: 'by le', files: record('histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))') },
    { name: 'without instance', files: record('histogram_quantile(0.9, sum without (instance) (rate(x_bucket[5m])))') },
    { name: 'native histogram', files: record('histogram_quantile(0.9, sum by (job) (rate(http_request_duration_seconds[5m])))') },
    { name: 'recorded buckets', files: record('histogram_quantile(0.5, job:x_bucket:rate5m)') },
  ],
  invalid: [
    { name: 'drops le', files: record('histogram_quantile(0.99, sum by (job) (rate(x_bucket[5m])))'), findings: [{ line: 5, column: 40, message: 'drops the `le` label' }] },
    { name: 'percent', files: record('histogram_quantile(99, sum by (le) (rate(x_bucket[5m])))'), findings: [{ line: 5, column: 34, message: 'the quantile 99, outside 0 to 1' }] },
    { name: 'negative', files: record('histogram_quantile(-0.5, sum by (le) (rate(x_bucket[5m])))'), findings: [{ line: 5, column: 34 }] },
    { name: 'not rated', files: record('histogram_quantile(0.9, sum by (le) (x_bucket))'), findings: [{ line: 5, column: 52, message: 'without `rate`' }] },
  ],
});
