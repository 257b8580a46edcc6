/**
 * Rule files for the App's tests. `PROBLEM_RULES` contains one problem per
 * line that Prometheus itself rejects, whatever other checks add.
 */
export const PROBLEM_RULES = `groups:
  - name: api
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
        for: 5m
      - record: "bad name"
        expr: up
      - alert: ApiDown
        expr: up == 0
        expr: up == 1
        severity: critical
`;

/** A rule file no check flags: a well-named recording rule and an alert with labels, annotations and `for`. */
export const CLEAN_RULES = `groups:
  - name: api
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: ApiHighErrorRate
        expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.01
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: More than 1% of API requests fail.
          description: "{{ $labels.job }} answers {{ $value | humanizePercentage }} of requests with a 5xx status."
          runbook_url: https://runbooks.example.com/api/high-error-rate
`;

/** Returns a rule group with `count` alerts, each with an unknown key that Prometheus rejects. */
export function manyProblemRules(count: number): string {
  const rules = Array.from(
    { length: count },
    (_, index) => `      - alert: Alert${index}\n        expr: up == 0\n        for: 5m\n        labels:\n          severity: critical\n        annotations:\n          summary: s\n          description: d\n          runbook_url: https://runbooks.example.com/${index}\n        owner: team-${index}\n`,
  );
  return `groups:\n  - name: many\n    rules:\n${rules.join('')}`;
}
