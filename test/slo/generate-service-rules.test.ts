import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseDuration } from '../../src/promql/index.js';
import { generateServiceRules, SERVICE_TYPES } from '../../src/slo/index.js';
import { promtoolCheckRules, promtoolTestRules } from './promtool.js';
import { alertsOf, nodesOf, rulesOf } from './rule-file.js';
import type { ServiceRulesOptions } from '../../src/slo/index.js';

const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase']);

const services: { name: string; options: ServiceRulesOptions; metric: RegExp }[] = [
  { name: 'checkout-api', options: { type: 'api', job: 'checkout' }, metric: /\bhttp_requests_total\b/ },
  { name: 'mailer', options: { type: 'worker', job: 'mailer' }, metric: /\bworker_jobs_total\b/ },
  { name: 'orders-db', options: { type: 'database', job: 'postgres', exporter: 'postgres' }, metric: /\bpg_/ },
  { name: 'users-db', options: { type: 'database', job: 'mysqld', exporter: 'mysql' }, metric: /\bmysql_/ },
  { name: 'sessions', options: { type: 'database', job: 'redis', exporter: 'redis' }, metric: /\bredis_/ },
  { name: 'hosts', options: { type: 'node', job: 'node' }, metric: /\bnode_/ },
  { name: 'prod-cluster', options: { type: 'kubernetes', job: 'kube-state-metrics' }, metric: /\bkube_/ },
];

describe.each(services)('$options.type $name', ({ name, options, metric }) => {
  const text = generateServiceRules(name, options);
  const rules = rulesOf(text);
  const alerts = alertsOf(text);

  it('passes promtool check rules', () => {
    const result = promtoolCheckRules(text, `${name}.yml`);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  it('is byte-identical when generated twice', () => {
    expect(generateServiceRules(name, options)).toBe(text);
  });

  it('reads the exporter metrics', () => {
    expect(rules.some((rule) => metric.test(rule.expr))).toBe(true);
  });

  it('fills every placeholder', () => {
    expect(text).not.toContain('${');
    expect(rules.some((rule) => rule.expr.includes(`job="${options.job}"`))).toBe(true);
  });

  it('names recordings level:metric:operations', () => {
    for (const rule of rules) {
      if (rule.record !== undefined) expect(rule.record).toMatch(/^[a-z_]+:[a-z0-9_]+:[a-z0-9_]+$/);
    }
  });

  it('records base units only', () => {
    for (const rule of rules) {
      if (rule.record !== undefined) expect(rule.record).not.toMatch(/(?:^|[_:])(?:ms|milliseconds|minutes|percent|kb|mb|kilobytes|megabytes)(?:$|[_:])/);
    }
  });

  it('labels every rule with the service', () => {
    for (const rule of rules) expect(rule.labels.service).toBe(name);
  });

  it('gives every alert severity and for', () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(['critical', 'warning', 'info']).toContain(alert.labels.severity);
      expect(parseDuration(alert.for ?? '').ok).toBe(true);
    }
  });

  it('gives every alert its annotations', () => {
    for (const alert of alerts) {
      expect(alert.annotations.summary).toMatch(/\S/);
      expect(alert.annotations.description).toMatch(/\S/);
      expect(alert.annotations.runbook_url).toBe(`https://runbooks.example.com/${alert.alert}`);
    }
  });

  it('keeps env in aggregations', () => {
    for (const rule of rules) {
      for (const { node } of nodesOf(rule.expr)) {
        if (node.type !== 'Aggregation') continue;
        if (node.without) expect(node.grouping).not.toContain('env');
        else expect(node.grouping).toContain('env');
      }
    }
  });

  it('rates every counter', () => {
    for (const rule of rules) {
      for (const { node, parents } of nodesOf(rule.expr)) {
        if (node.type !== 'VectorSelector' || !node.metricName?.endsWith('_total')) continue;
        const call = parents[parents.length - 2];
        if (call?.type !== 'Call') throw new Error(`\`${node.metricName}\` in ${rule.record ?? rule.alert} is not inside a function call`);
        expect(RATE_FUNCTIONS).toContain(call.func.name);
      }
    }
  });

  it('alerts when the target is down', () => {
    const down = alerts.find((alert) => alert.expr === `up{job="${options.job}"} == 0`);
    expect(down?.for).toBe('5m');
    expect(down?.labels.severity).toBe('critical');
  });
});

describe('golden signals', () => {
  it.each([
    { type: 'api', name: 'checkout-api', prefix: 'job:http_request_duration_seconds' },
    { type: 'worker', name: 'mailer', prefix: 'job:worker_job_duration_seconds' },
  ] as const)('$type records p95 and p99', ({ type, name, prefix }) => {
    const records = rulesOf(generateServiceRules(name, { type, job: name })).map((rule) => rule.record);
    expect(records).toContain(`${prefix}:p95`);
    expect(records).toContain(`${prefix}:p99`);
  });

  it('api alerts on the error ratio', () => {
    const alert = alertsOf(generateServiceRules('checkout-api', { type: 'api', job: 'checkout' })).find((rule) => rule.alert === 'CheckoutApiHighErrorRatio');
    expect(alert?.expr).toBe('job:http_requests_errors:ratio_rate5m{job="checkout"} > 0.01');
  });
});

describe('alerts fire on sample series', () => {
  const firing = (rules: string, alert: string, series: { series: string; values: string }[], labels: string) =>
    promtoolTestRules(rules, {
      interval: '1m',
      input_series: series,
      promql_expr_test: [{ expr: `ALERTS{alertname="${alert}", alertstate="firing"}`, eval_time: '30m', exp_samples: [{ labels, value: 1 }] }],
    });

  it('api error ratio', () => {
    const rules = generateServiceRules('checkout-api', { type: 'api', job: 'checkout' });
    const result = firing(
      rules,
      'CheckoutApiHighErrorRatio',
      [
        { series: 'http_requests_total{job="checkout", env="prod", code="500"}', values: '0+2x60' },
        { series: 'http_requests_total{job="checkout", env="prod", code="200"}', values: '0+98x60' },
      ],
      'ALERTS{alertname="CheckoutApiHighErrorRatio", alertstate="firing", env="prod", job="checkout", service="checkout-api", severity="critical"}',
    );
    expect(result.output).toContain('SUCCESS');
  });

  it('worker failure ratio', () => {
    const rules = generateServiceRules('mailer', { type: 'worker', job: 'mailer' });
    const result = firing(
      rules,
      'MailerHighFailureRatio',
      [
        { series: 'worker_jobs_total{job="mailer", env="prod", result="failure"}', values: '0+10x60' },
        { series: 'worker_jobs_total{job="mailer", env="prod", result="success"}', values: '0+90x60' },
      ],
      'ALERTS{alertname="MailerHighFailureRatio", alertstate="firing", env="prod", job="mailer", service="mailer", severity="warning"}',
    );
    expect(result.output).toContain('SUCCESS');
  });

  it('target down', () => {
    const rules = generateServiceRules('hosts', { type: 'node', job: 'node' });
    const result = firing(
      rules,
      'HostsDown',
      [{ series: 'up{job="node", env="prod", instance="host-1:9100"}', values: '0x60' }],
      'ALERTS{alertname="HostsDown", alertstate="firing", env="prod", instance="host-1:9100", job="node", service="hosts", severity="critical"}',
    );
    expect(result.output).toContain('SUCCESS');
  });
});

describe('node alerts', () => {
  const alerts = alertsOf(generateServiceRules('hosts', { type: 'node', job: 'node' }));
  const severity = (name: string) => alerts.find((alert) => alert.alert === name)?.labels.severity;

  it.each(['HostsHighCpu', 'HostsHighMemory', 'HostsNetworkSaturated'])('%s is a warning', (name) => {
    expect(severity(name)).toBe('warning');
  });

  it.each(['HostsDiskWillFillIn4Hours', 'HostsDown'])('%s is critical', (name) => {
    expect(severity(name)).toBe('critical');
  });

  it('predicts the disk filling', () => {
    expect(alerts.find((alert) => alert.alert === 'HostsDiskWillFillIn4Hours')?.expr).toContain('predict_linear(node_filesystem_avail_bytes');
  });
});

describe('kubernetes alerts', () => {
  const alerts = alertsOf(generateServiceRules('prod-cluster', { type: 'kubernetes', job: 'kube-state-metrics' }));
  const expr = (name: string) => alerts.find((alert) => alert.alert === name)?.expr ?? '';

  it('finds CrashLoopBackOff', () => {
    expect(expr('ProdClusterPodCrashLooping')).toContain('reason="CrashLoopBackOff"');
  });

  it('finds missing replicas', () => {
    expect(expr('ProdClusterDeploymentReplicasMissing')).toContain('kube_deployment_status_replicas_available');
  });

  it('finds nodes not ready', () => {
    expect(expr('ProdClusterNodeNotReady')).toContain('condition="Ready", status="true"');
  });
});

describe('database alerts', () => {
  it.each(['postgres', 'mysql', 'redis'] as const)('%s covers the four signals', (exporter) => {
    const names = alertsOf(generateServiceRules('store', { type: 'database', job: exporter, exporter })).map((alert) => alert.alert);
    expect(names).toEqual(expect.arrayContaining(['StoreConnectionsNearLimit', 'StoreSlowQueries', 'StoreReplicationLag', 'StoreCacheHitRatioLow']));
  });
});

describe('options', () => {
  it('adds extra labels', () => {
    const rules = rulesOf(generateServiceRules('checkout-api', { type: 'api', job: 'checkout', labels: { team: 'payments', severity: 'info' } }));
    for (const rule of rules) expect(rule.labels.team).toBe('payments');
    expect(rules.find((rule) => rule.alert === 'CheckoutApiTargetDown')?.labels.severity).toBe('critical');
  });

  it('uses the runbook base', () => {
    const alerts = alertsOf(generateServiceRules('checkout-api', { type: 'api', job: 'checkout', runbookBaseUrl: 'https://wiki.example.com/runbooks/' }));
    expect(alerts[0]?.annotations.runbook_url).toBe(`https://wiki.example.com/runbooks/${alerts[0]?.alert}`);
  });

  it('accepts operator job names', () => {
    const text = generateServiceRules('checkout-api', { type: 'api', job: 'serviceMonitor/shop/checkout/0' });
    expect(promtoolCheckRules(text).ok).toBe(true);
  });

  it.each([
    { name: 'unknown type', service: 'a', options: { type: 'cache', job: 'a' }, message: 'The service type `cache` is unknown' },
    { name: 'database without exporter', service: 'a', options: { type: 'database', job: 'a' }, message: 'needs an exporter' },
    { name: 'unknown exporter', service: 'a', options: { type: 'database', job: 'a', exporter: 'mongodb' }, message: 'got `mongodb`' },
    { name: 'exporter on api', service: 'a', options: { type: 'api', job: 'a', exporter: 'redis' }, message: 'applies to `database` services only' },
    { name: 'quote in job', service: 'a', options: { type: 'api', job: 'a"b' }, message: 'The job name `a"b` is invalid' },
    { name: 'spaces in name', service: 'Checkout API', options: { type: 'api', job: 'a' }, message: 'The service name `Checkout API` is invalid' },
    { name: 'invalid label', service: 'a', options: { type: 'api', job: 'a', labels: { 'team-name': 'x' } }, message: 'The label name `team-name` is invalid' },
    { name: 'http runbook', service: 'a', options: { type: 'api', job: 'a', runbookBaseUrl: 'http://runbooks' }, message: 'not an absolute https URL' },
  ])('rejects $name', ({ service, options, message }) => {
    const generate = () => generateServiceRules(service, options as unknown as ServiceRulesOptions);
    expect(generate).toThrow(UserError);
    expect(generate).toThrow(message);
  });
});

describe('templates', () => {
  it('one file per service type', () => {
    const files = readdirSync(new URL('../../rules/templates/', import.meta.url)).sort();
    expect(files).toEqual(SERVICE_TYPES.map((type) => `${type}.yml`).sort());
  });
});

describe('promtool harness', () => {
  it('reports an invalid file', () => {
    const result = promtoolCheckRules('groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: sum(\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain('FAILED');
  });
});
