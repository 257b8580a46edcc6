import check from '../../../src/checks/naming/counter-suffix.js';
import { testCheck } from '../harness.js';

const record = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: ${expr}\n`;

testCheck(check, {
  valid: [
    { name: 'total', files: record('rate(http_requests_total[5m])') },
    { name: 'histogram buckets', files: record('sum by (le) (rate(http_request_duration_seconds_bucket[5m]))') },
    { name: 'summary count and sum', files: record('rate(rpc_duration_seconds_sum[5m]) / rate(rpc_duration_seconds_count[5m])') },
    { name: 'recorded series', files: record('rate(job:http_requests:sum[5m])') },
    { name: 'native histogram', files: record('histogram_quantile(0.9, sum by (job) (rate(http_request_duration_seconds[5m])))') },
    { name: 'native histogram count', files: record('histogram_count(rate(http_request_duration_seconds[5m]))') },
    { name: 'exporter pattern', files: record('rate(node_vmstat_pgfault[5m])') },
    { name: 'deriv of gauge', files: record('deriv(queue_length[10m])') },
    { name: 'name matcher with total', files: record('rate({__name__="http_requests_total"}[5m])') },
    { name: 'regex name matcher', files: record('rate({__name__=~"http_.*"}[5m])') },
    { name: 'custom pattern', files: record('rate(legacy_hits[5m])'), options: { exporter_patterns: ['legacy_*'] } },
    { name: 'invalid PromQL', files: record('rate(foo[5m]') },
  ],
  invalid: [
    { name: 'rate without total', files: record('rate(http_requests[5m])'), findings: [{ line: 5, column: 20, message: '`rate` is applied to `http_requests`' }] },
    { name: 'irate', files: record('irate(errors[1m])'), findings: [{ line: 5, column: 21, message: '`irate`' }] },
    { name: 'increase in alert', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: increase(restarts[1h]) > 3\n', findings: [{ line: 5, column: 24 }] },
    { name: 'subquery of selector', files: record('rate(requests[5m:1m])'), findings: [{ line: 5, column: 20 }] },
    { name: 'name matcher', files: record('rate({__name__="requests"}[5m])'), findings: [{ line: 5, column: 21 }] },
    {
      name: 'block scalar position',
      files: 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: |\n          sum by (job) (\n            rate(requests[5m])\n          )\n',
      findings: [{ line: 7, column: 18 }],
    },
    {
      name: 'two selectors',
      files: record('rate(a_total[5m]) / rate(b[5m])'),
      findings: [{ line: 5, column: 40, message: '`b`' }],
    },
  ],
});
