import check from '../../../src/checks/promql/syntax.js';
import { testCheck } from '../harness.js';

const record = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${expr}\n`;

testCheck(check, {
  valid: [
    { name: 'rate', files: record('sum by (job) (rate(http_requests_total[5m]))') },
    { name: 'block scalar', files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          up\n            == 0\n' },
  ],
  invalid: [
    { name: 'rate of instant vector', files: record('rate(x)'), findings: [{ line: 5, column: 20, message: 'range vector' }] },
    { name: 'offset before range', files: record('x offset 1w [5m]'), findings: [{ line: 5, column: 27, message: 'must come after the range' }] },
    { name: 'range of comparison', files: record("'(a > b)[5m]'"), findings: [{ line: 5, column: 23, message: 'can only follow a vector selector' }] },
    { name: 'offset after aggregation', files: record('sum(x) offset 5m'), findings: [{ line: 5, column: 15, message: 'not a `sum` aggregation' }] },
    { name: 'unclosed paren', files: record('sum(rate(x[5m])'), findings: [{ line: 5, column: 18, message: 'This `(` is never closed' }] },
    {
      name: 'error inside folded block',
      files: 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: >-\n          sum by (job) (\n            rate(x)\n          ) > 1\n',
      findings: [{ line: 7, column: 18 }],
    },
    { name: 'removed function', files: record('holt_winters(x[10m], 0.5, 0.5)'), findings: [{ line: 5, column: 15, severity: 'warning' }] },
  ],
});

testCheck(check, {
  valid: [{ name: 'experimental function enabled', files: record('sort_by_label(x, "job")'), options: { enabled_features: ['promql-experimental-functions'] } }],
  invalid: [{ name: 'experimental function', files: record('sort_by_label(x, "job")'), findings: [{ line: 5, column: 15, message: '--enable-feature=promql-experimental-functions' }] }],
});

testCheck(check, {
  valid: [],
  invalid: [
    {
      name: 'nesting beyond the depth limit',
      files: record(`${'('.repeat(1001)}up${')'.repeat(1001)}`),
      findings: [{ line: 5, column: 1015, severity: 'warning', message: 'was not checked' }],
    },
    {
      name: 'operator chain beyond the parser limit',
      files: record(Array.from({ length: 280 }, (_, index) => `up{job="j${index}"}`).join(' or ')),
      findings: [{ line: 5, column: 4729, severity: 'warning', message: 'was not checked' }],
    },
  ],
});
