import check from '../../../src/checks/alerts/template.js';
import { testCheck } from '../harness.js';

/** An alert whose `summary` annotation is `summary`, written as is after `summary: ` on line 7, column 20. */
const alert = (summary: string, expr = 'up == 0') =>
  `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${expr}\n        annotations:\n          summary: ${summary}\n`;
const withConfig = (rules: string, externalLabels: string) => ({
  'rules.yml': rules,
  'prometheus.yml': `global:\n  external_labels:\n${externalLabels}scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: [api:8080]\n`,
});
const sumByJob = 'sum by (job) (rate(errors_total[5m])) > 1';

testCheck(check, {
  valid: [
    { name: 'plain text', files: alert('API is down') },
    { name: 'series label', files: alert("'{{ $labels.instance }} is down'") },
    { name: 'value piped to humanize', files: alert("'{{ $value | humanize }}'") },
    { name: 'kept by grouping', files: alert("'{{ $labels.job }}'", sumByJob) },
    { name: 'dot inside range is the sample', files: alert("'{{ range query \"up\" }}{{ .Labels.instance }}{{ end }}'", sumByJob) },
    { name: 'dot inside with is the value', files: alert("'{{ with $labels }}{{ .instance }}{{ end }}'", sumByJob) },
    { name: 'label_replace creates label', files: alert("'{{ $labels.instance }}'", 'label_replace(sum by (job) (x), "instance", "$1", "job", "(.*)") > 0') },
    { name: 'expression does not parse', files: alert("'{{ $labels.instance }}'", 'sum by (job (x)') },
    { name: 'label reassigned', files: alert("'{{ $labels = query \"up\" | first }}{{ $labels.instance }}'", sumByJob) },
    { name: 'label redeclared', files: alert("'{{ $labels := 1 }}{{ $labels.instance }}'", sumByJob) },
    { name: 'definition body', files: alert("'{{ define \"x\" }}{{ .Labels.instance }}{{ end }}{{ template \"x\" . }}'", sumByJob) },
    { name: 'metric name', files: alert("'{{ $labels.__name__ }}'", sumByJob) },
    { name: 'external label unknown source', files: alert("'{{ $externalLabels.cluster }}'") },
    { name: 'external label from config', files: withConfig(alert("'{{ $externalLabels.cluster }}'"), '    cluster: eu1\n') },
    { name: 'external label from option', files: alert("'{{ $externalLabels.cluster }}'"), options: { external_labels: ['cluster'] } },
    { name: 'newer function', files: alert("'{{ now | humanizeTimestamp }}'") },
    { name: 'trimmed comment', files: alert("'a {{- /* note */ -}} b'") },
    { name: 'break inside range', files: alert("'{{ range $i, $v := query \"up\" }}{{ if $i }}{{ break }}{{ end }}{{ $v.Value }}{{ end }}'") },
    {
      name: 'recording rule label',
      files: 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n        labels:\n          team: "{{ $labels.team"\n',
    },
  ],
  invalid: [
    {
      name: 'undefined variable',
      files: alert("'{{ $label.instance }} is down'"),
      findings: [{ line: 7, column: 24, message: '`$label` is not defined. Prometheus defines `$labels`, `$externalLabels`, `$externalURL` and `$value`' }],
    },
    { name: 'undefined function', files: alert("'{{ $value | humanise }}'"), findings: [{ line: 7, column: 33, message: 'function `humanise` is not defined' }] },
    { name: 'unclosed action', files: alert("'{{ $labels.instance'"), findings: [{ line: 7, column: 21, message: 'unclosed action' }] },
    { name: 'function checked before end', files: alert("'{{ $labels.instance is down'"), findings: [{ line: 7, column: 41, message: 'function `is` is not defined' }] },
    { name: 'end without if', files: alert("'down {{ end }}'"), findings: [{ line: 7, column: 26, message: 'unexpected {{end}}' }] },
    { name: 'if without end', files: alert("'{{ if $labels.instance }}down'"), findings: [{ line: 7, column: 21, message: 'this `{{if}}` has no matching `{{end}}`' }] },
    { name: 'label outside define', files: alert("'{{ define \"x\" }}{{ $labels.job }}{{ end }}'"), findings: [{ line: 7, column: 40, message: '`$labels` is not defined inside `{{define}}`' }] },
    {
      name: 'label removed by sum by',
      files: alert("'{{ $labels.instance }} fails'", sumByJob),
      findings: [{ line: 7, column: 24, message: '`$labels.instance` in the annotation `summary` of alert `A` is always empty', severity: 'error' }],
    },
    {
      name: 'label missing in one or branch',
      files: alert("'{{ $labels.instance }} fails'", 'sum by (job) (x) or up'),
      findings: [{ line: 7, column: 24, message: 'the `or` branch `sum by (job) (x)`', severity: 'info' }],
    },
    { name: 'dot labels removed', files: alert("'{{ .Labels.instance }}'", sumByJob), findings: [{ line: 7, column: 24, message: '`.Labels.instance`' }] },
    { name: 'index labels removed', files: alert("'{{ index $labels \"instance\" }}'", sumByJob), findings: [{ line: 7, column: 24, message: '`index $labels "instance"`' }] },
    { name: 'dollar labels removed', files: alert("'{{ $.Labels.instance }}'", sumByJob), findings: [{ line: 7, column: 24, message: '`$.Labels.instance`' }] },
    {
      name: 'label set only by rule',
      files: `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${sumByJob}\n        labels:\n          instance: all\n        annotations:\n          summary: '{{ $labels.instance }}'\n`,
      findings: [{ line: 9, column: 24, message: "The rule's own `labels` set `instance`" }],
    },
    {
      name: 'external label not in config',
      files: withConfig(alert("'{{ $externalLabels.cluster }}'"), '    region: eu\n'),
      findings: [{ file: 'rules.yml', line: 7, column: 24, message: '`cluster` is not an external label. Known external labels: `region`.' }],
    },
    {
      name: 'external label not in option',
      files: alert("'{{ $externalLabels.cluster }}'"),
      options: { external_labels: ['region'] },
      findings: [{ line: 7, column: 24, message: '`$externalLabels.cluster`' }],
    },
    {
      name: 'error in literal block',
      files: `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          description: |\n            Instance {{ $labels.instance }}\n            has value {{ $valu }}.\n`,
      findings: [{ line: 9, column: 26, message: '`$valu` is not defined' }],
    },
    {
      name: 'error after quoted escapes',
      files: alert('"\\t\\"{{ $labels.job }}\\" {{ humanise $value }}"'),
      findings: [{ line: 7, column: 48, message: 'function `humanise`' }],
    },
    {
      name: 'nesting beyond limit',
      files: alert(`'{{ ${'('.repeat(1001)}1${')'.repeat(1001)} }}'`),
      findings: [{ line: 7, column: 21 + 3 + 1000, message: 'promgate did not check it: nesting deeper than 1000 levels', severity: 'info' }],
    },
    {
      name: 'label value template',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        labels:\n          team: "{{ $labels.team "\n',
      findings: [{ line: 7, column: 18, message: 'The label `team` of alert `A` is not a valid template: unclosed action' }],
    },
  ],
});
