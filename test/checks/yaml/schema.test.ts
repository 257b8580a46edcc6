import check from '../../../src/checks/yaml/schema.js';
import { testCheck } from '../harness.js';

testCheck(check, {
  valid: [
    {
      name: 'alert and recording rule',
      files: `groups:
  - name: api
    interval: 1m
    limit: 10
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: HighErrorRate
        expr: job:http_errors:ratio5m > 0.01
        for: 10m
        keep_firing_for: 5m
        labels:
          severity: warning
        annotations:
          summary: High error rate
`,
    },
    {
      name: 'vendor fields',
      files: `groups:
  - name: thanos
    partial_response_strategy: warn
    rules:
      - alert: A
        expr: up == 0
`,
    },
    {
      name: 'PrometheusRule',
      files: `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: api
spec:
  groups:
    - name: api
      rules:
        - alert: A
          expr: up == 0
`,
    },
    {
      name: 'merge keys',
      files: `groups:
  - name: g
    rules:
      - alert: A
        expr: up == 0
        labels: &labels
          severity: warning
      - alert: B
        expr: up == 0
        labels:
          <<: *labels
          team: sre
`,
    },
    { name: 'unrelated YAML', files: 'services:\n  web:\n    image: nginx\n    image: httpd\n' },
    { name: 'numeric label value', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels:\n          priority: 1\n' },
  ],
  invalid: [
    {
      name: 'record and alert',
      files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        alert: A\n        expr: up\n',
      findings: [{ line: 5, column: 9, message: 'both `record: a:b:c` and `alert: A`' }],
    },
    {
      name: 'neither record nor alert',
      files: 'groups:\n  - name: g\n    rules:\n      - expr: up\n',
      findings: [{ line: 4, column: 9, message: 'neither `record` nor `alert`' }],
    },
    {
      name: 'missing expr',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        for: 5m\n',
      findings: [{ line: 4, column: 16, message: 'has no `expr`' }],
    },
    {
      name: 'empty expr',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ""\n',
      findings: [{ line: 5, column: 9, message: 'is empty' }],
    },
    {
      name: 'expr is a list',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: [up]\n',
      findings: [{ line: 5, column: 15, message: 'must be a PromQL expression string, got a list' }],
    },
    {
      name: 'unknown rule key with suggestion',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        annotation:\n          summary: x\n',
      findings: [{ line: 6, column: 9, message: 'Unknown key `annotation` in alert `A`' }],
    },
    {
      name: 'unknown group key',
      files: 'groups:\n  - name: g\n    intervall: 1m\n    rules: []\n',
      findings: [{ line: 3, column: 5, message: 'Unknown key `intervall` in a rule group' }],
    },
    {
      name: 'unknown top-level key',
      files: 'groups: []\nrule_files: []\n',
      findings: [{ line: 2, column: 1, message: 'Unknown key `rule_files` in a rule file' }],
    },
    {
      name: 'duplicate key',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        expr: up == 0\n',
      findings: [{ line: 6, column: 9, message: 'Duplicate key `expr`; it is already set on line 5' }],
    },
    {
      name: 'duplicate group names',
      files: 'groups:\n  - name: g\n    rules: []\n  - name: g\n    rules: []\n',
      findings: [{ line: 4, column: 11, message: 'Duplicate group name `g`' }],
    },
    {
      name: 'invalid record name',
      files: 'groups:\n  - name: g\n    rules:\n      - record: http-requests\n        expr: up\n',
      findings: [{ line: 4, column: 17, message: '`http-requests` is not a valid metric name' }],
    },
    {
      name: 'for on recording rule',
      files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n        for: 5m\n',
      findings: [{ line: 6, column: 9, message: '`for` is not allowed in recording rule `a:b:c`' }],
    },
    {
      name: 'annotations on recording rule',
      files: 'groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n        annotations:\n          summary: x\n',
      findings: [{ line: 6, column: 9, message: '`annotations` is not allowed in recording rule' }],
    },
    {
      name: 'invalid duration',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        for: 5\n',
      findings: [{ line: 6, column: 14, message: '`for: 5` of alert `A` is not a valid duration' }],
    },
    {
      name: 'duration out of range',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        for: 300y\n',
      findings: [{ line: 6, column: 14, message: 'limit of about 292 years' }],
    },
    {
      name: 'invalid label name',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels:\n          bad-label: x\n',
      findings: [{ line: 7, column: 11, message: '`bad-label` is not a valid label name' }],
    },
    {
      name: 'label value is a list',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels:\n          team: [a]\n',
      findings: [{ line: 7, column: 17, message: 'must be a string, got a list' }],
    },
    {
      name: 'groups is a mapping',
      files: 'groups:\n  - name: g\n    rules:\n      name: x\n',
      findings: [{ line: 4, column: 7, message: '`rules` of group `g` must be a list of rules, got a mapping' }],
    },
    {
      name: 'group without its dash',
      files: 'groups:\n  name: api\n  rules:\n    - alert: A\n      expr: up == 0\n',
      findings: [{ line: 2, column: 3, message: 'the group lacks its `-`' }],
    },
    { name: 'groups is a string', files: 'groups: api\n', findings: [{ line: 1, column: 9, message: '`groups` must be a list of rule groups, got `api`' }] },
    {
      name: 'missing group name',
      files: 'groups:\n  - rules:\n      - alert: A\n        expr: up\n',
      findings: [{ line: 2, column: 5, message: 'A rule group has no `name`' }],
    },
    {
      name: 'PrometheusRule spec with unknown key',
      files: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  group:\n    - name: g\n',
      findings: [{ line: 4, column: 3, message: 'Unknown key `group`' }],
    },
    {
      name: 'second document of several',
      files: '---\ngroups:\n  - name: a\n    rules: []\n---\ngroups:\n  - name: b\n    rules:\n      - alert: X\n',
      findings: [{ line: 9, column: 16, message: 'has no `expr`' }],
    },
    {
      name: 'scrape job without job_name',
      files: { 'prometheus.yml': 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - static_configs:\n      - targets: [a:9090]\n' },
      findings: [{ file: 'prometheus.yml', line: 4, column: 5, message: 'has no `job_name`' }],
    },
  ],
});
