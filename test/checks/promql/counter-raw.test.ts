import check from '../../../src/checks/promql/counter-raw.js';
import { testCheck } from '../harness.js';

const alert = (expr: string) => `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${expr}\n`;

testCheck(check, {
  valid: [
    { name: 'rate then compare', files: alert('rate(errors_total[5m]) > 1') },
    { name: 'increase then sum', files: alert('sum(increase(errors_total[1h])) > 10') },
    { name: 'count', files: alert('count(errors_total) > 5') },
    { name: 'group', files: alert('group(errors_total)') },
    { name: 'absent', files: alert('absent(errors_total)') },
    { name: 'changes and resets', files: alert('changes(errors_total[1h]) > 0 or resets(errors_total[1h]) > 0') },
    { name: 'timestamp', files: alert('time() - timestamp(errors_total) > 300') },
    { name: 'recorded series', files: alert('job:errors_total:sum > 1') },
    { name: 'gauge', files: alert('queue_length > 100') },
    { name: 'count of a raw sum', files: alert('count(sum by (instance, cpu) (node_cpu_seconds_total)) > 4') },
    { name: 'increase of a raw max', files: alert('increase((max without (instance) (leader_changes_total))[15m:1m]) >= 4') },
    { name: 'misnamed gauge', files: alert('sum(container_fs_inodes_total) > 0') },
    { name: 'arithmetic of counters', files: alert('(errors_total - errors_total offset 1h) > 5') },
  ],
  invalid: [
    { name: 'compared', files: alert('errors_total > 100'), findings: [{ line: 5, column: 15, message: 'The counter `errors_total` is compared as a raw value' }] },
    { name: 'summed', files: alert('sum(errors_total) > 100'), findings: [{ line: 5, column: 19, message: 'aggregated with `sum`' }] },
    { name: 'max by', files: alert('max by (job) (restarts_total)'), findings: [{ line: 5, column: 29 }] },
    { name: 'through label_replace', files: alert('label_replace(errors_total, "a", "b", "", "") > 1'), findings: [{ line: 5, column: 29 }] },
    { name: 'recording rule', files: 'groups:\n  - name: g\n    rules:\n      - record: job:errors:sum\n        expr: sum by (job) (errors_total)\n', findings: [{ line: 5, column: 29 }] },
  ],
});
