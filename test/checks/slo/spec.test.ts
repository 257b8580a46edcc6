import check from '../../../src/checks/slo/spec.js';
import { testCheck } from '../harness.js';

const sloth = (objective: string, query: string) => `version: "prometheus/v1"
service: checkout
slos:
  - name: availability
    objective: ${objective}
    sli:
      raw:
        error_ratio_query: ${query}
    alerting:
      name: CheckoutErrors
`;

testCheck(check, {
  valid: [
    { name: 'sloth spec', files: { 'slo/checkout.yml': sloth('99.9', 'sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))') } },
    {
      name: 'openslo spec',
      files: {
        'slo/search.yml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: search-availability
spec:
  service: search
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  indicator:
    metadata:
      name: search-errors
    spec:
      ratioMetric:
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(search_errors_total[{{.window}}]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(search_requests_total[{{.window}}]))
  objectives:
    - target: 0.995
`,
      },
    },
  ],
  invalid: [
    { name: 'objective above 100', files: { 'slo/checkout.yml': sloth('100.5', 'sum(rate(e_total[{{.window}}])) / sum(rate(r_total[{{.window}}]))') }, findings: [{ file: 'slo/checkout.yml', line: 5, column: 16, message: '100.5' }] },
    { name: 'missing window', files: { 'slo/checkout.yml': sloth('99.9', 'sum(rate(e_total[5m])) / sum(rate(r_total[5m]))') }, findings: [{ file: 'slo/checkout.yml', line: 8, column: 28, message: '{{.window}}' }] },
    { name: 'query does not parse', files: { 'slo/checkout.yml': sloth('99.9', 'sum(rate(e_total[{{.window}}]) / sum(rate(r_total[{{.window}}]))') }, findings: [{ file: 'slo/checkout.yml', line: 8, column: 31, message: 'is never closed' }] },
  ],
});
