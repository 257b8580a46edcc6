import check from '../../../src/checks/yaml/empty.js';
import { testCheck } from '../harness.js';

testCheck(check, {
  valid: [
    { name: 'rule file with groups', files: 'groups:\n  - name: g\n    rules: []\n' },
    { name: 'unrelated YAML', files: 'name: build\non: push\n' },
    { name: 'Alertmanager config', files: 'route:\n  receiver: x\nreceivers:\n  - name: x\n' },
    { name: 'Prometheus config without scrape_configs', files: { 'prometheus.yml': 'global:\n  scrape_interval: 15s\nremote_write:\n  - url: http://x\n' } },
  ],
  invalid: [
    { name: 'empty groups', files: 'groups: []\n', findings: [{ line: 1, column: 1, severity: 'info', message: 'no rule groups' }] },
    { name: 'null groups', files: 'groups:\n', findings: [{ line: 1, column: 1 }] },
    {
      name: 'PrometheusRule without groups',
      files: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec: {}\n',
      findings: [{ line: 5, column: 7, message: 'The `PrometheusRule` `api` defines no rule groups' }],
    },
    {
      name: 'empty scrape_configs',
      files: { 'prometheus.yml': 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' },
      findings: [{ file: 'prometheus.yml', line: 3, column: 1, message: 'no scrape jobs' }],
    },
  ],
});
