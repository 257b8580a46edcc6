import fs from 'node:fs';
import path from 'node:path';
import check from '../../../src/checks/slo/coverage.js';
import { testCheck } from '../harness.js';

const prometheus = 'scrape_configs:\n  - job_name: checkout\n    static_configs:\n      - targets: [checkout:8080]\n  - job_name: node\n    static_configs:\n      - targets: [host:9100]\n';
const golden = `groups:
  - name: checkout
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total{job="checkout"}[5m]))
      - record: job:http_requests_errors:ratio_rate5m
        expr: sum by (job) (rate(http_requests_total{job="checkout", code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="checkout"}[5m]))
      - record: job:http_request_duration_seconds:p99
        expr: histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))
      - alert: CheckoutErrorRatio
        expr: job:http_requests_errors:ratio_rate5m > 0.01
        for: 5m
`;
const spec = fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/slo/checkout.yml'), 'utf8');

testCheck(check, {
  valid: [
    { name: 'all golden signals', files: { 'prometheus.yml': prometheus, 'rules/checkout.yml': golden } },
    { name: 'infrastructure job only', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: node\n  - job_name: kube-state-metrics\n' } },
    {
      name: 'slo spec counts for error ratio and alert',
      files: { 'prometheus.yml': prometheus, 'slo/checkout.yml': spec, 'rules/checkout.yml': golden.replace(/ {6}- record: job:http_requests_errors[\s\S]*?(?= {6}- record: job:http_request_duration)/, '').replace(/ {6}- alert:[\s\S]*$/, '') },
    },
    { name: 'no services', files: { 'rules/checkout.yml': golden } },
  ],
  invalid: [
    {
      name: 'job without rules',
      files: { 'prometheus.yml': prometheus },
      findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'Service `checkout` lacks a request rate recording rule' }],
    },
    {
      name: 'missing latency',
      files: { 'prometheus.yml': prometheus, 'rules/checkout.yml': golden.replace(/ {6}- record: job:http_request_duration[\s\S]*?(?= {6}- alert)/, '') },
      findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'lacks a latency percentile recording rule' }],
    },
    {
      name: 'policy service only',
      files: { 'rules/other.yml': 'groups: []\n' },
      findings: [],
    },
  ],
});
