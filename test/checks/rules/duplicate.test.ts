import check from '../../../src/checks/rules/duplicate.js';
import { testCheck } from '../harness.js';

const rules = (...entries: string[]) => `groups:\n  - name: g\n    rules:\n${entries.join('')}`;
const record = (name: string, expr: string, labels = '') => `      - record: ${name}\n        expr: ${expr}\n${labels}`;
const alert = (name: string, expr: string) => `      - alert: ${name}\n        expr: ${expr}\n        for: 5m\n`;

testCheck(check, {
  valid: [
    { name: 'different static labels', files: rules(record('job:x:sum', 'sum(x)', '        labels:\n          env: a\n'), record('job:x:sum', 'sum(x)', '        labels:\n          env: b\n')) },
    { name: 'pinned job values differ', files: rules(record('job:x:sum', 'sum by (job) (x{job="a"})'), record('job:x:sum', 'sum by (job) (x{job="b"})')) },
    { name: 'status classes differ', files: rules(record('code:x:sum', 'sum by (code) (x{code=~"2.."})'), record('code:x:sum', 'sum by (code) (x{code=~"5.."})')) },
    { name: 'alternations differ', files: rules(record('verb:x:sum', 'sum by (verb) (x{verb=~"GET|LIST"})'), record('verb:x:sum', 'sum by (verb) (x{verb="POST"})')) },
    { name: 'disjoint label names', files: rules(record('job:x:sum', 'sum by (job) (x{job="a"})'), record('job:x:sum', 'sum by (instance) (x{instance="i"})')) },
    { name: 'different groupings', files: rules(record('job:x:sum', 'sum by (job) (rate(x_total[5m]))'), record('job:x:sum', 'sum by (instance) (rate(x_total[5m]))')) },
    { name: 'alerts with different expressions', files: rules(alert('Down', 'up{job="a"} == 0'), alert('Down', 'up{job="b"} == 0')) },
  ],
  invalid: [
    {
      name: 'same recording rule twice',
      files: rules(record('job:x:sum', 'sum by (job) (x)'), record('job:x:sum', 'sum by (job) (y)')),
      findings: [
        { line: 4, column: 17, message: 'writes the same series as the rule at rules.yml:6' },
        { line: 6, column: 17, message: 'rules.yml:4' },
      ],
    },
    {
      name: 'overlapping regexes',
      files: rules(record('code:x:sum', 'sum by (code) (x{code=~"2.."})'), record('code:x:sum', 'sum by (code) (x{code=~"2[0-9][0-9]"})')),
      findings: [
        { line: 4, column: 17 },
        { line: 6, column: 17 },
      ],
    },
    {
      name: 'alternation beside a prefix',
      files: rules(record('code:x:sum', 'sum by (code) (x{code=~"5.*|200"})'), record('code:x:sum', 'sum by (code) (x{code=~"20.*"})')),
      findings: [
        { line: 4, column: 17 },
        { line: 6, column: 17 },
      ],
    },
    {
      name: 'three copies give three findings',
      files: rules(record('job:x:sum', 'sum(x)'), record('job:x:sum', 'sum(x)'), record('job:x:sum', 'sum(x)')),
      findings: [
        { line: 4, column: 17, message: 'and 1 other rule' },
        { line: 6, column: 17 },
        { line: 8, column: 17 },
      ],
    },
    {
      name: 'across files',
      files: { 'a.yml': rules(record('job:x:sum', 'sum(x)')), 'b.yml': rules(record('job:x:sum', 'sum(x)')) },
      findings: [
        { file: 'a.yml', line: 4, column: 17 },
        { file: 'b.yml', line: 4, column: 17 },
      ],
    },
    {
      name: 'alert defined twice',
      files: rules(alert('Down', 'up == 0'), alert('Down', 'up  ==  0')),
      findings: [
        { line: 4, column: 16, message: 'is defined more than once' },
        { line: 7, column: 16 },
      ],
    },
  ],
});
