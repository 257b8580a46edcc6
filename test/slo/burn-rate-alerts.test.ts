import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { promtoolTestRules } from './promtool.js';

// These tests evaluate the generated checkout rules with `promtool test
// rules`: counters grow by a fixed amount each minute for two hours, so the
// error ratio is constant and every window measures the same ratio.

const rules = readFileSync(new URL('../../fixtures/slo/checkout.rules.yml', import.meta.url), 'utf8');

/** Input series with `errors` failed and `successes` good requests per minute. */
function requests(errors: number, successes: number) {
  return [
    { series: 'http_requests_total{job="checkout", env="prod", code="500"}', values: `0+${errors}x120` },
    { series: 'http_requests_total{job="checkout", env="prod", code="200"}', values: `0+${successes}x120` },
  ];
}

const availabilityLabels = 'env="prod", sloth_id="checkout-requests-availability", sloth_service="checkout", sloth_slo="requests-availability", team="payments", tier="1"';

describe('checkout availability rules', () => {
  it('page and ticket fire at 2% errors', () => {
    const result = promtoolTestRules(rules, {
      interval: '1m',
      input_series: requests(2, 98),
      promql_expr_test: [
        {
          expr: 'count by (sloth_severity, severity) (ALERTS{alertname="CheckoutHighErrorRate", alertstate="firing"})',
          eval_time: '70m',
          exp_samples: [
            { labels: '{severity="critical", sloth_severity="page"}', value: 1 },
            { labels: '{severity="warning", sloth_severity="ticket"}', value: 1 },
          ],
        },
      ],
    });
    expect(result.output).toContain('SUCCESS');
  });

  it('alerts carry the spec labels', () => {
    const result = promtoolTestRules(rules, {
      interval: '1m',
      input_series: requests(2, 98),
      promql_expr_test: [
        {
          expr: 'ALERTS{alertname="CheckoutHighErrorRate", sloth_severity="page"}',
          eval_time: '70m',
          exp_samples: [
            {
              labels: `ALERTS{alertname="CheckoutHighErrorRate", alertstate="firing", category="availability", routing_key="payments-oncall", severity="critical", sloth_severity="page", ${availabilityLabels}}`,
              value: 1,
            },
          ],
        },
      ],
    });
    expect(result.output).toContain('SUCCESS');
  });

  it('nothing fires at half the budget', () => {
    const result = promtoolTestRules(rules, {
      interval: '1m',
      input_series: requests(1, 1999),
      promql_expr_test: [{ expr: 'ALERTS{alertname="CheckoutHighErrorRate"}', eval_time: '110m', exp_samples: [] }],
    });
    expect(result.output).toContain('SUCCESS');
  });

  it('records ratio and burn rate', () => {
    const result = promtoolTestRules(rules, {
      interval: '1m',
      input_series: requests(2, 98),
      promql_expr_test: [
        {
          expr: 'round(slo:sli_error:ratio_rate1h{sloth_slo="requests-availability"} * 1000)',
          eval_time: '70m',
          exp_samples: [{ labels: `{${availabilityLabels}, sloth_window="1h"}`, value: 20 }],
        },
        {
          expr: 'round(slo:current_burn_rate:ratio{sloth_slo="requests-availability"})',
          eval_time: '70m',
          exp_samples: [{ labels: `{${availabilityLabels}, sloth_window="5m"}`, value: 20 }],
        },
        {
          expr: 'round(slo:period_error_budget_remaining:ratio{sloth_slo="requests-availability"})',
          eval_time: '70m',
          exp_samples: [{ labels: `{${availabilityLabels}, sloth_window="30d"}`, value: -19 }],
        },
      ],
    });
    expect(result.output).toContain('SUCCESS');
  });
});
