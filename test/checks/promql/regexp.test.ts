import check from '../../../src/checks/promql/regexp.js';
import { testCheck } from '../harness.js';

const record = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: '${expr}'\n`;

testCheck(check, {
  valid: [
    { name: 'alternation', files: record('sum(x{job=~"api|web"})') },
    { name: 'wildcard', files: record('sum(x{job!~"test-.*"})') },
    { name: 'equality', files: record('sum(x{job="api"})') },
    { name: 'escaped dollar', files: record('sum(x{path=~"/a\\\\$"})') },
  ],
  invalid: [
    { name: 'plain regex', files: record('sum(x{job=~"api"})'), findings: [{ line: 5, column: 22, message: 'has no regular expression syntax' }] },
    { name: 'plain negative regex', files: record('sum(x{job!~"api"})'), findings: [{ line: 5, column: 22, message: 'job!~"api"' }] },
    { name: 'anchors', files: record('sum(x{job=~"^api-.*$"})'), findings: [{ line: 5, column: 22, message: 'anchors, which are redundant' }] },
  ],
});
