import check from '../../../src/checks/scrape/federation.js';
import { testCheck } from '../harness.js';

const federate = (honor: string, match: string) => ({
  'prometheus.yml': `scrape_configs:\n  - job_name: federate\n    metrics_path: /federate\n${honor}    params:\n      'match[]':\n        - '${match}'\n    static_configs:\n      - targets: [dc1:9090]\n`,
});

testCheck(check, {
  valid: [
    { name: 'recorded series by regex', files: federate('    honor_labels: true\n', '{__name__=~"job:.*"}') },
    { name: 'recorded series by name', files: federate('    honor_labels: true\n', 'job:http_requests:rate5m') },
    { name: 'not a federation job', files: { 'prometheus.yml': 'scrape_configs:\n  - job_name: a\n    metrics_path: /metrics\n' } },
  ],
  invalid: [
    { name: 'no honor_labels', files: federate('', 'job:x:sum'), findings: [{ file: 'prometheus.yml', line: 2, column: 15, message: 'has no `honor_labels: true`' }] },
    { name: 'raw series', files: federate('    honor_labels: true\n', '{job="api"}'), findings: [{ file: 'prometheus.yml', line: 7, column: 12, message: 'selects raw series' }] },
    { name: 'raw metric name', files: federate('    honor_labels: true\n', 'http_requests_total'), findings: [{ file: 'prometheus.yml', line: 7, column: 12 }] },
  ],
});
