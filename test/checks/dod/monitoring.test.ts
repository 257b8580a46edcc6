import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/dod/monitoring.js';
import { lint } from '../../../src/lint.js';
import { checkOptions } from '../harness.js';
import type { PullRequestInfo } from '../../../src/checks/check.js';
import type { Policy } from '../../../src/policy/types.js';

const policy: Policy = {
  failOn: 'error',
  include: [],
  exclude: [],
  services: { checkout: { paths: ['services/checkout/**'] }, search: { paths: ['services/search/**'], monitoring: ['monitoring/search/**'] } },
  checks: { [check.id]: { enabled: true, severity: 'warning', options: checkOptions(check) as Record<string, unknown> } },
};

function run(change: PullRequestInfo, files: Record<string, string> = {}): string[] {
  const result = lint({ files: Object.entries(files).map(([path, text]) => ({ path, text })), policy, checks: [check], pullRequest: change });
  return result.findings.map((finding) => `${finding.file ?? '(pull request)'}: ${finding.message}`);
}

describe('dod/monitoring', () => {
  const cases: { name: string; change: PullRequestInfo; files?: Record<string, string>; flagged: string[] }[] = [
    { name: 'code without monitoring', change: { changedFiles: ['services/checkout/main.go'] }, flagged: ['checkout'] },
    { name: 'code and its rules', change: { changedFiles: ['services/checkout/main.go', 'rules/checkout.rules.yml'] }, flagged: [] },
    {
      name: 'rules that select the job',
      change: { changedFiles: ['services/checkout/main.go', 'rules/api.yml'] },
      files: { 'rules/api.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: sum(rate(x_total{job="checkout"}[5m]))\n' },
      flagged: [],
    },
    { name: 'unrelated rules', change: { changedFiles: ['services/checkout/main.go', 'rules/search.yml'] }, flagged: ['checkout'] },
    { name: 'monitoring globs', change: { changedFiles: ['services/search/a.go', 'monitoring/search/dash.json'] }, flagged: [] },
    { name: 'monitoring globs not touched', change: { changedFiles: ['services/search/a.go', 'rules/search.yml'] }, flagged: ['search'] },
    { name: 'waiver label', change: { changedFiles: ['services/checkout/main.go'], labels: ['monitoring-not-needed'] }, flagged: [] },
    { name: 'ticked waiver item', change: { changedFiles: ['services/checkout/main.go'], body: '## Checklist\n- [x] Monitoring not needed: refactoring only\n' }, flagged: [] },
    { name: 'open waiver item', change: { changedFiles: ['services/checkout/main.go'], body: '- [ ] Monitoring not needed\n' }, flagged: ['checkout'] },
    { name: 'other code', change: { changedFiles: ['README.md'] }, flagged: [] },
  ];

  it.each(cases)('$name', ({ change, files, flagged }) => {
    const findings = run(change, files);
    expect(findings).toHaveLength(flagged.length);
    flagged.forEach((service, index) => expect(findings[index]).toContain(`(pull request): This change modifies the code of service \`${service}\``));
  });
});
