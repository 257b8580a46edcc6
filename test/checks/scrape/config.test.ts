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
    {
      name: 'remote write relabel',
      files: config('remote_write:\n  - url: http://x\n    write_relabel_configs:\n      - action: keepequal\n        source_labels: [a]\n'),
      findings: [at(4, 9, 'needs a `target_label`')],
    },
  ],
});
