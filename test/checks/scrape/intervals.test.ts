import check from '../../../src/checks/scrape/intervals.js';
import { testCheck } from '../harness.js';

testCheck(check, {
  valid: [{ name: 'two minutes', files: { 'prometheus.yml': 'global:\n  scrape_interval: 2m\nscrape_configs:\n  - job_name: a\n    scrape_interval: 30s\n' } }],
  invalid: [
    { name: 'job five minutes', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    scrape_interval: 5m\n' }, findings: [{ file: 'prometheus.yml', line: 3, column: 22, message: 'Scrape job `a` has `scrape_interval: 5m`' }] },
    { name: 'global ten minutes', files: { 'prometheus.yml': 'global:\n  scrape_interval: 10m\nscrape_configs: []\n' }, findings: [{ file: 'prometheus.yml', line: 2, column: 20, message: 'The `global` section' }] },
  ],
});
