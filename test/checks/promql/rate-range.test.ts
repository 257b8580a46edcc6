import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/promql/rate-range.js';
import { runCheck, testCheck } from '../harness.js';

const record = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:rate\n        expr: ${expr}\n`;
const prometheus = 'global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: api\n    scrape_interval: 1m\n  - job_name: fast\n    scrape_interval: 10s\n';

testCheck(check, {
  valid: [
    { name: 'unknown interval 5m', files: record('rate(x_total[5m])') },
    { name: 'unknown interval 2m', files: record('increase(x_total[2m])') },
    { name: 'job interval', files: { 'rules.yml': record('rate(x_total{job="api"}[4m])'), 'prometheus.yml': prometheus } },
    { name: 'fast job', files: { 'rules.yml': record('rate(x_total{job="fast"}[40s])'), 'prometheus.yml': prometheus } },
    { name: 'irate needs 2x', files: { 'rules.yml': record('irate(x_total{job="api"}[2m])'), 'prometheus.yml': prometheus } },
    { name: 'global interval', files: { 'rules.yml': record('rate(x_total[2m])'), 'prometheus.yml': prometheus } },
    { name: 'policy interval', files: record('rate(x_total[1m])'), options: { scrape_interval: '15s' } },
  ],
  invalid: [
    { name: 'unknown interval 1m', files: record('rate(x_total[1m])'), findings: [{ line: 5, column: 20, message: "too short for Prometheus' default 1m scrape interval" }] },
    {
      name: 'job interval too long',
      files: { 'rules.yml': record('rate(x_total{job="api"}[2m])'), 'prometheus.yml': prometheus },
      findings: [{ file: 'rules.yml', line: 5, column: 20, message: 'shorter than 4 × the 1m scrape interval (job `api` in prometheus.yml)' }],
    },
    { name: 'short for global interval', files: { 'rules.yml': record('increase(x_total[1m])'), 'prometheus.yml': prometheus }, findings: [{ file: 'rules.yml', line: 5, column: 24, message: 'the global `scrape_interval`' }] },
    { name: 'short for policy interval', files: record('rate(x_total[1m])'), options: { scrape_interval: '30s' }, findings: [{ line: 5, column: 20, message: '(the policy)' }] },
  ],
});

describe('promql/rate-range related locations', () => {
  it('points at the scrape job whose interval applies', () => {
    const [finding] = runCheck(check, { 'rules.yml': record('rate(x_total{job="api"}[2m])'), 'prometheus.yml': prometheus });
    expect(finding?.related).toEqual([{ file: 'prometheus.yml', startLine: 5, endLine: 5 }]);
  });
});
