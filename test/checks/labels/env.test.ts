import check from '../../../src/checks/labels/env.js';
import { testCheck } from '../harness.js';

const config = (global: string, jobs: string) => ({ 'prometheus.yml': `global:\n  scrape_interval: 15s\n${global}scrape_configs:\n${jobs}` });
const staticJob = (labels: string) => `  - job_name: api\n    static_configs:\n      - targets: ['api:8080']\n${labels}`;

testCheck(check, {
  valid: [
    { name: 'static labels', files: config('', staticJob('        labels:\n          env: prod\n')) },
    { name: 'external label', files: config('  external_labels:\n    env: staging\n', staticJob('')) },
    { name: 'honor_labels', files: config('', '  - job_name: push\n    honor_labels: true\n    static_configs:\n      - targets: [pushgateway:9091]\n') },
    {
      name: 'relabel target_label',
      files: config('', '  - job_name: k8s\n    kubernetes_sd_configs:\n      - role: pod\n    relabel_configs:\n      - source_labels: [__meta_kubernetes_namespace]\n        target_label: env\n'),
    },
    { name: 'labelmap', files: config('', '  - job_name: k8s\n    kubernetes_sd_configs:\n      - role: pod\n    relabel_configs:\n      - action: labelmap\n        regex: __meta_kubernetes_pod_label_(.+)\n') },
    { name: 'file discovery', files: config('', '  - job_name: f\n    file_sd_configs:\n      - files: [targets/*.json]\n') },
    { name: 'env from outside', files: config('', staticJob('')), options: { env_source: 'external_labels' } },
    { name: 'expanded external label', files: config('  external_labels:\n    env: ${ENVIRONMENT}\n', staticJob('')) },
    {
      name: 'job list with external label elsewhere',
      files: { 'prometheus.yml': 'global:\n  external_labels:\n    env: prod\nscrape_configs: []\n', 'extra.yml': '- job_name: extra\n  static_configs:\n    - targets: [a:1]\n' },
    },
  ],
  invalid: [
    { name: 'no env at all', files: config('', staticJob('')), findings: [{ file: 'prometheus.yml', line: 4, column: 15, message: 'attaches no `env` label to its targets' }] },
    {
      name: 'one group without env',
      files: config('', `${staticJob('        labels:\n          env: prod\n')}      - targets: ['api2:8080']\n`),
      findings: [{ file: 'prometheus.yml', line: 4, column: 15, message: '1 of its 2 target groups' }],
    },
    {
      name: 'kubernetes without relabel',
      files: config('', '  - job_name: pods\n    kubernetes_sd_configs:\n      - role: pod\n'),
      findings: [{ file: 'prometheus.yml', line: 4, column: 15 }],
    },
    {
      name: 'value outside allowed set',
      files: config('', staticJob('        labels:\n          env: production\n')),
      findings: [{ file: 'prometheus.yml', line: 8, column: 16, message: '`env: production`, which is not one of `dev`, `staging`, `prod`' }],
    },
    {
      name: 'external label value',
      files: config('  external_labels:\n    env: Prod\n', staticJob('')),
      findings: [{ file: 'prometheus.yml', line: 4, column: 10, message: '`global.external_labels` sets `env: Prod`' }],
    },
    {
      name: 'relabel replacement value',
      files: config('', '  - job_name: k8s\n    kubernetes_sd_configs:\n      - role: pod\n    relabel_configs:\n      - target_label: env\n        replacement: qa\n'),
      findings: [{ file: 'prometheus.yml', line: 9, column: 22, message: 'relabels `env` to `qa`' }],
    },
    {
      name: 'targets source ignores external label',
      files: config('  external_labels:\n    env: prod\n', staticJob('')),
      options: { env_source: 'targets' },
      findings: [{ file: 'prometheus.yml', line: 6, column: 15 }],
    },
  ],
});
