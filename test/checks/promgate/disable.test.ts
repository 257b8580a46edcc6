import { describe, expect, it } from 'vitest';
import alertsFor from '../../../src/checks/alerts/for.js';
import { runCheck } from '../harness.js';

const alert = (name: string) => `      - alert: ${name}\n        expr: up == 0\n`;

const cases: { name: string; text: string; lines: number[] }[] = [
  { name: 'no comment', text: `groups:\n  - name: g\n    rules:\n${alert('A')}${alert('B')}`, lines: [4, 6] },
  { name: 'disable above a rule', text: `groups:\n  - name: g\n    rules:\n      # promgate disable alerts/for -- pages at once\n${alert('A')}${alert('B')}`, lines: [7] },
  { name: 'blank and comment lines between', text: `groups:\n  - name: g\n    rules:\n      # promgate disable alerts/for\n\n      # owner: sre\n${alert('A')}${alert('B')}`, lines: [9] },
  { name: 'capitalised comment', text: `groups:\n  - name: g\n    rules:\n      # Promgate Disable alerts/for\n${alert('A')}`, lines: [] },
  { name: 'other check named', text: `groups:\n  - name: g\n    rules:\n      # promgate disable alerts/labels\n${alert('A')}`, lines: [5] },
  { name: 'disable above a group', text: `groups:\n  # promgate disable alerts/for\n  - name: g\n    rules:\n${alert('A')}${alert('B')}\n  - name: h\n    rules:\n${alert('C')}`, lines: [12] },
  { name: 'file disable', text: `# promgate file/disable alerts/for\ngroups:\n  - name: g\n    rules:\n${alert('A')}${alert('B')}`, lines: [] },
  {
    name: 'file disable in one document',
    text: `---\ngroups:\n  - name: g\n    rules:\n${alert('A')}---\n# promgate file/disable alerts/for\ngroups:\n  - name: h\n    rules:\n${alert('B')}`,
    lines: [5],
  },
  {
    name: 'file disable does not reach a broken document before it',
    text: `---\ngroups:\n  - name: g\n    rules:\n${alert('A')}---\n# promgate file/disable alerts/for\ngroups: [\n---\ngroups:\n  - name: h\n    rules:\n${alert('B')}`,
    lines: [5, 14],
  },
];

describe('promgate disable comments', () => {
  it.each(cases)('$name', ({ text, lines }) => {
    expect(runCheck(alertsFor, text).map((finding) => finding.line)).toEqual(lines);
  });

  it('keeps the broken document to itself', async () => {
    const { default: syntax } = await import('../../../src/checks/yaml/syntax.js');
    const text = '---\ngroups: [\n---\n# promgate file/disable yaml/syntax\ngroups: []\n';
    expect(runCheck(syntax, text).map((finding) => finding.line)).toEqual([2]);
  });

  it('keeps scrape jobs apart', () => {
    const text = 'scrape_configs:\n  # promgate disable scrape/intervals\n  - job_name: a\n    scrape_interval: 10m\n  - job_name: b\n    scrape_interval: 10m\n';
    return import('../../../src/checks/scrape/intervals.js').then(({ default: intervals }) => {
      expect(runCheck(intervals, { 'prometheus.yml': text }).map((finding) => finding.line)).toEqual([6]);
    });
  });
});
