import check from '../../../src/checks/alerts/paging-symptom.js';
import { testCheck } from '../harness.js';

const alert = (expr: string, severity: string) => `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: ${expr}\n        labels:\n          severity: ${severity}\n`;

testCheck(check, {
  valid: [
    { name: 'cpu at warning', files: alert('1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.9', 'warning') },
    { name: 'error ratio pages', files: alert('job:http_errors:ratio_rate5m > 0.05', 'critical') },
    { name: 'disk prediction pages', files: alert('predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 0', 'critical') },
    { name: 'target down pages', files: alert('up == 0', 'critical') },
    { name: 'memory with symptom', files: alert('node_memory_MemAvailable_bytes < 1e9 and on (instance) job:http_errors:ratio_rate5m > 0.05', 'critical') },
  ],
  invalid: [
    {
      name: 'cpu pages',
      files: alert('1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) > 0.9', 'critical'),
      findings: [{ line: 7, column: 21, message: 'on cause metrics only (`node_cpu_seconds_total`)' }],
    },
    { name: 'container memory pages', files: alert('container_memory_working_set_bytes / container_spec_memory_limit_bytes > 0.9', 'critical'), findings: [{ line: 7, column: 21 }], options: { cause_patterns: ['container_*'] } },
    { name: 'custom paging severity', files: alert('node_load5 > 10', 'page'), options: { paging_severities: ['page'] }, findings: [{ line: 7, column: 21 }] },
  ],
});
