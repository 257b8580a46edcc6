import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/dod/checklist.js';
import { lint } from '../../../src/lint.js';
import { checkOptions } from '../harness.js';
import type { Policy } from '../../../src/policy/types.js';

const policy: Policy = { failOn: 'error', include: [], exclude: [], checks: { [check.id]: { enabled: true, severity: 'warning', options: checkOptions(check) as Record<string, unknown> } } };
const complete = '## Monitoring\n- [x] SLI/SLO identified\n- [x] Metrics instrumented\n- [ ] Alerts: N/A, no new failure mode\n- [x] Dashboard updated\n';

function run(body: string | undefined): string[] {
  const pullRequest = body === undefined ? { changedFiles: [] } : { changedFiles: [], body };
  return lint({ files: [], policy, checks: [check], pullRequest }).findings.map((finding) => finding.message);
}

describe('dod/checklist', () => {
  it.each([
    ['complete checklist', complete, []],
    ['no description known', undefined, []],
    ['open item', complete.replace('- [x] Dashboard updated', '- [ ] Dashboard updated'), ['neither ticked nor marked N/A']],
    ['missing item', complete.replace('- [x] Metrics instrumented\n', ''), ['no monitoring checklist item for "metrics"']],
    ['empty description', '', ['no monitoring checklist item for "SLI/SLO", "metrics", "alerts", "dashboard"']],
  ] as const)('%s', (_name, body, fragments) => {
    const messages = run(body);
    expect(messages).toHaveLength(fragments.length);
    fragments.forEach((fragment, index) => expect(messages[index]).toContain(fragment));
  });
});
