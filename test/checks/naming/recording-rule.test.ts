import check from '../../../src/checks/naming/recording-rule.js';
import { testCheck } from '../harness.js';

const rule = (name: string) => `groups:\n  - name: g\n    rules:\n      - record: ${name}\n        expr: sum(up)\n`;

testCheck(check, {
  valid: [
    { name: 'three parts', files: rule('job:http_requests:rate5m') },
    { name: 'sloth name', files: rule('slo:sli_error:ratio_rate5m') },
    { name: 'long level', files: rule('node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate') },
    { name: 'alert is ignored', files: 'groups:\n  - name: g\n    rules:\n      - alert: NoColons\n        expr: up == 0\n' },
    { name: 'exception glob', files: rule('apiserver_request:availability30d'), options: { exceptions: ['apiserver_request:*'] } },
  ],
  invalid: [
    { name: 'no colon', files: rule('http_requests_rate'), findings: [{ line: 4, column: 17, message: 'it has 1 colon-separated part, not 3' }] },
    { name: 'two parts', files: rule('job:http_requests'), findings: [{ line: 4, column: 17, message: 'it has 2 colon-separated parts, not 3' }] },
    { name: 'four parts', files: rule('a:b:c:d'), findings: [{ line: 4, column: 17, message: 'it has 4' }] },
    { name: 'empty part', files: rule('job::rate5m'), findings: [{ line: 4, column: 17, message: 'one of its parts is empty' }] },
    { name: 'upper case', files: rule('job:HttpRequests:rate5m'), findings: [{ line: 4, column: 17, message: 'lower-case' }] },
    {
      name: 'in PrometheusRule',
      files: 'kind: PrometheusRule\nspec:\n  groups:\n    - name: g\n      rules:\n        - record: bad_name\n          expr: up\n',
      findings: [{ line: 6, column: 19 }],
    },
  ],
});
