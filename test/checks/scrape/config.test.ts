import check from '../../../src/checks/scrape/config.js';
import { testCheck } from '../harness.js';

const config = (text: string) => ({ 'prometheus.yml': text });
const relabel = (entry: string) => config(`scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - ${entry}\n`);
const at = (line: number, column: number, message?: string) => ({ file: 'prometheus.yml', line, column, ...(message === undefined ? {} : { message }) });

testCheck(check, {
  valid: [
    {
      name: 'typical config',
      files: config(`global:
  scrape_interval: 15s
  scrape_timeout: 10s
scrape_configs:
  - job_name: api
    scrape_interval: 30s
    scrape_timeout: 30s
    kubernetes_sd_configs:
      - role: pod
    relabel_configs:
      - source_labels: [__meta_kubernetes_namespace]
        target_label: namespace
      - action: labelmap
        regex: __meta_kubernetes_pod_label_(.+)
      - action: hashmod
        source_labels: [__address__]
        modulus: 4
        target_label: __tmp_hash
      - action: labeldrop
        regex: pod_template_hash
      - source_labels: [a]
        target_label: \${1}_copy
`),
    },
    { name: 'unset timeout capped at short interval', files: config('global:\n  scrape_timeout: 20s\nscrape_configs:\n  - job_name: a\n    scrape_interval: 10s\n') },
    { name: 'job list', files: config('- job_name: a\n- job_name: b\n') },
    { name: 'case of action', files: relabel('action: Drop\n        source_labels: [a]') },
    { name: 'yaml 1.1 boolean', files: config('scrape_configs:\n  - job_name: a\n    honor_labels: yes\n') },
    { name: 'labeldrop with default separator', files: relabel('action: labeldrop\n        regex: tmp_.*\n        separator: ";"') },
  ],
  invalid: [
    { name: 'duplicate job name', files: config('scrape_configs:\n  - job_name: a\n  - job_name: a\n'), findings: [at(3, 15, 'Duplicate `job_name` `a`; a job with this name starts on line 2')] },
    {
      name: 'timeout above interval',
      files: config('scrape_configs:\n  - job_name: a\n    scrape_interval: 10s\n    scrape_timeout: 20s\n'),
      findings: [at(4, 21, '`scrape_timeout: 20s`, longer than its `scrape_interval` of 10s')],
    },
    {
      name: 'timeout above global interval',
      files: config('global:\n  scrape_interval: 10s\nscrape_configs:\n  - job_name: a\n    scrape_timeout: 15s\n'),
      findings: [at(5, 21, 'the global `scrape_interval` of 10s')],
    },
    { name: 'global timeout above interval', files: config('global:\n  scrape_interval: 10s\n  scrape_timeout: 20s\n'), findings: [at(3, 19, 'The global `scrape_timeout: 20s`')] },
    { name: 'invalid duration', files: config('scrape_configs:\n  - job_name: a\n    scrape_interval: 5\n'), findings: [at(3, 22, '`scrape_interval: 5` is not a valid duration')] },
    { name: 'unknown job key', files: config('scrape_configs:\n  - job_name: a\n    metric_path: /m\n'), findings: [at(3, 5, 'Unknown key `metric_path` in scrape job `a`')] },
    { name: 'unknown top-level key', files: config('rule_files: []\nscrape_config:\n  - job_name: a\n'), findings: [at(2, 1, 'Unknown key `scrape_config`')] },
    { name: 'replace without target', files: relabel('source_labels: [a]'), findings: [at(4, 9, 'needs a `target_label`')] },
    { name: 'hashmod without modulus', files: relabel('action: hashmod\n        source_labels: [a]\n        target_label: b'), findings: [at(4, 9, 'needs a `modulus` greater than 0')] },
    { name: 'unknown action', files: relabel('action: rename'), findings: [at(4, 17, 'Unknown relabel action `rename`')] },
    { name: 'invalid regex', files: relabel('action: drop\n        source_labels: [a]\n        regex: "a(?=b)"'), findings: [at(6, 17, 'not a valid RE2 regular expression')] },
    { name: 'labeldrop with source labels', files: relabel('action: labeldrop\n        regex: x\n        source_labels: [a]'), findings: [at(6, 9, 'takes only `regex`, but `source_labels` is set')] },
    { name: 'invalid target label', files: relabel('source_labels: [a]\n        target_label: bad-label'), findings: [at(5, 23, '`bad-label` is not a valid `target_label`')] },
    { name: 'invalid source label', files: relabel('source_labels: [bad-x]\n        target_label: y'), findings: [at(4, 24, '`bad-x` in `source_labels`')] },
    { name: 'invalid labelmap replacement', files: relabel('action: labelmap\n        regex: (.*)\n        replacement: bad-$1'), findings: [at(6, 22, 'not a valid `replacement` for the `labelmap` action')] },
    { name: 'unknown relabel key', files: relabel('source_labels: [a]\n        target_label: b\n        sourcelabels: [c]'), findings: [at(6, 9, 'Unknown key `sourcelabels` in a relabel config')] },
    { name: 'two ways to authenticate', files: config('scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n    authorization:\n      credentials_file: /t\n'), findings: [at(5, 5, 'sets `basic_auth`, `authorization`')] },
    { name: 'target typo', files: config('scrape_configs:\n  - job_name: a\n    static_configs:\n      - target: [a:1]\n'), findings: [at(4, 9, 'Unknown key `target` in a static target group')] },
    { name: 'url as target', files: config('scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ["http://a:1/metrics"]\n'), findings: [at(4, 20, 'is a URL, but a target is `host:port`')] },
    { name: 'invalid static label', files: config('scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [a:1]\n        labels:\n          bad-x: y\n'), findings: [at(6, 11, '`bad-x` in `labels`')] },
    { name: 'boolean as string', files: config('scrape_configs:\n  - job_name: a\n    honor_labels: "yes"\n'), findings: [at(3, 20, 'must be `true` or `false`')] },
    { name: 'relabel entry not a mapping', files: config('scrape_configs:\n  - job_name: a\n    relabel_configs: [5]\n'), findings: [at(3, 23, 'must be a mapping, got `5`')] },
    { name: 'params not a mapping', files: config('scrape_configs:\n  - job_name: a\n    params: 5\n'), findings: [at(3, 13, '`params` of scrape job `a` must be a mapping')] },
    {
      name: 'remote write relabel',
      files: config('remote_write:\n  - url: http://x\n    write_relabel_configs:\n      - action: keepequal\n        source_labels: [a]\n'),
      findings: [at(4, 9, 'needs a `target_label`')],
    },
  ],
});
