import check from '../../../src/checks/labels/env-dropped.js';
import { testCheck } from '../harness.js';

const rules = (expr: string, extra = '') => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${expr}\n${extra}`;
const withTargets = (expr: string, extra = '') => ({
  'rules.yml': rules(expr, extra),
  'prometheus.yml': 'scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [api:8080]\n        labels:\n          env: prod\n',
});

testCheck(check, {
  valid: [
    { name: 'by keeps env', files: withTargets('sum by (job, env) (rate(x_total[5m]))') },
    { name: 'without other label', files: withTargets('sum without (instance) (rate(x_total[5m]))') },
    { name: 'no aggregation', files: withTargets('rate(x_total[5m])') },
    { name: 'env set in labels', files: withTargets('sum(rate(x_total[5m]))', '        labels:\n          env: prod\n') },
    { name: 'label_replace creates env', files: withTargets('label_replace(sum(x), "env", "prod", "", "")') },
    { name: 'scalar operand', files: withTargets('rate(x_total[5m]) * scalar(sum(y))') },
    { name: 'group_left copies env', files: withTargets('sum by (job) (x) * on (job) group_left (env) info_metric') },
    { name: 'dead man switch', files: withTargets('vector(1)') },
    { name: 'env only external', files: { 'rules.yml': rules('sum(x)'), 'prometheus.yml': 'global:\n  external_labels:\n    env: prod\nscrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [a:1]\n' } },
    { name: 'no evidence of env', files: rules('sum(x)') },
    { name: 'policy says external', files: withTargets('sum(x)'), options: { env_source: 'external_labels' } },
    { name: 'or with one branch keeping env', files: withTargets('sum by (env) (x) or sum(y)') },
  ],
  invalid: [
    { name: 'plain sum', files: withTargets('sum(rate(x_total[5m]))'), findings: [{ file: 'rules.yml', line: 5, column: 15, message: '`sum` without `by (...)` removes it' }] },
    { name: 'by without env', files: withTargets('sum by (job) (rate(x_total[5m]))'), findings: [{ file: 'rules.yml', line: 5, column: 15, message: '`sum by (job)`' }] },
    { name: 'without env', files: withTargets('max without (env) (x)'), findings: [{ file: 'rules.yml', line: 5, column: 15, message: '`max without (env)`' }] },
    { name: 'inner aggregation', files: withTargets('rate(x_total[5m]) / on (job) sum by (job) (y)'), findings: [{ file: 'rules.yml', line: 5, column: 15, message: 'matching on `on(job)`' }] },
    { name: 'evidence from rules', files: rules('sum by (job) (x{env="prod"})'), findings: [{ file: 'rules.yml', line: 5, column: 15 }] },
    { name: 'policy says targets', files: rules('sum(x)'), options: { env_source: 'targets' }, findings: [{ file: 'rules.yml', line: 5, column: 15 }] },
    {
      name: 'alert',
      files: { ...withTargets('sum(x)'), 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: count(up == 0) > 1\n' },
      findings: [{ file: 'rules.yml', line: 5, column: 15, message: 'Alert `A` has no `env` label' }],
    },
  ],
});
