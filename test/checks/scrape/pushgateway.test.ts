import check from '../../../src/checks/scrape/pushgateway.js';
import { testCheck } from '../harness.js';

const job = (body: string) => ({ 'prometheus.yml': `scrape_configs:\n  - job_name: batch\n${body}` });

testCheck(check, {
  valid: [
    { name: 'honor_labels', files: job('    honor_labels: true\n    static_configs:\n      - targets: [pushgateway:9091]\n') },
    { name: 'other port', files: job('    static_configs:\n      - targets: [api:9090]\n') },
  ],
  invalid: [
    { name: 'port 9091', files: job('    static_configs:\n      - targets: [gw.internal:9091]\n'), findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'scrapes a Pushgateway without `honor_labels: true`' }] },
    { name: 'named pushgateway', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: pushgateway\n    honor_labels: false\n' }, findings: [{ file: 'prometheus.yml', line: 2, column: 15 }] },
  ],
});
