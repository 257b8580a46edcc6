import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-tree.js';
import { detectSloSpecFormat, readSloSpecFile } from '../../src/slo/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/slo/${name}`, import.meta.url), 'utf8');

describe('detectSloSpecFormat', () => {
  it.each([
    { name: 'sloth', text: 'version: "prometheus/v1"\nservice: a\n', format: 'prometheus/v1' },
    { name: 'openslo', text: 'apiVersion: openslo/v1\nkind: SLO\n', format: 'openslo/v1' },
    { name: 'openslo service', text: 'apiVersion: openslo/v1\nkind: Service\n', format: undefined },
    { name: 'openslo v1alpha', text: 'apiVersion: openslo/v1alpha\nkind: SLO\n', format: undefined },
    { name: 'rule file', text: 'groups: []\n', format: undefined },
    { name: 'list', text: '- version: prometheus/v1\n', format: undefined },
  ])('$name', ({ text, format }) => {
    expect(detectSloSpecFormat(parseYaml(text).documents[0]?.root)).toBe(format);
  });
});

describe('reading the Sloth fixture', () => {
  const text = fixture('checkout.yml');
  const { specs, problems } = readSloSpecFile(text);
  const spec = specs[0]!;

  it('has no problems', () => {
    expect(problems).toEqual([]);
    expect(specs).toHaveLength(1);
  });

  it('reads service and labels', () => {
    expect(spec.format).toBe('prometheus/v1');
    expect(spec.service.value).toBe('checkout');
    expect(spec.labels.map((label) => [label.name, label.value])).toEqual([
      ['env', 'prod'],
      ['team', 'payments'],
    ]);
  });

  it('converts percent objectives to ratios', () => {
    expect(spec.slos.map((slo) => [slo.name.value, slo.objective.ratio, slo.objective.unit])).toEqual([
      ['requests-availability', 0.999, 'percent'],
      ['requests-latency', 0.99, 'percent'],
      ['probe-availability', 0.995, 'percent'],
    ]);
  });

  it('reads each SLI type', () => {
    expect(spec.slos.map((slo) => slo.sli.kind)).toEqual(['events', 'events', 'raw']);
    const first = spec.slos[0]!.sli;
    if (first.kind !== 'events') throw new Error(`expected an events SLI, got ${first.kind}`);
    expect(first.error.path).toBe('slos[0].sli.events.error_query');
    expect(first.total.path).toBe('slos[0].sli.events.total_query');
  });

  it('keeps nodes at their positions', () => {
    const objective = spec.slos[0]!.objective.node;
    expect(text.slice(objective.start, objective.end)).toBe('99.9');
    const name = spec.slos[1]!.name.node;
    expect(text.slice(name.start, name.end)).toBe('requests-latency');
  });

  it('reads alerting settings', () => {
    const [availability, latency, probe] = spec.slos;
    expect(availability!.alerting.name?.value).toBe('CheckoutHighErrorRate');
    expect(availability!.alerting.page.labels.map((label) => label.name)).toEqual(['routing_key']);
    expect(latency!.alerting.ticket.disabled).toBe(true);
    expect(latency!.alerting.page.disabled).toBe(false);
    expect(probe!.alerting.page.disabled).toBe(true);
  });

  it('leaves the period to the generator', () => {
    expect(spec.slos.every((slo) => slo.period === undefined)).toBe(true);
  });
});

describe('reading the OpenSLO fixture', () => {
  const { specs, problems } = readSloSpecFile(fixture('search.yml'));
  const spec = specs[0]!;
  const slo = spec.slos[0]!;

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('reads service, name and labels', () => {
    expect(spec.format).toBe('openslo/v1');
    expect(spec.service.value).toBe('search');
    expect(slo.name.value).toBe('search-availability');
    expect(spec.labels.map((label) => `${label.name}=${label.value}`)).toEqual(['env=prod', 'team=discovery']);
  });

  it('reads target as a ratio', () => {
    expect(slo.objective).toMatchObject({ ratio: 0.995, unit: 'ratio', path: 'spec.objectives[0].target' });
  });

  it('reads good and total queries', () => {
    expect(slo.sli.kind).toBe('good-total');
  });

  it('reads the 28d period', () => {
    expect(slo.period?.value).toBe('28d');
  });

  it('derives alerting', () => {
    expect(slo.alerting.name).toBeUndefined();
    expect(slo.alerting.page.disabled).toBe(false);
    expect(slo.alerting.ticket.disabled).toBe(false);
  });
});

describe('OpenSLO variants', () => {
  const openslo = (objectives: string, extra = '') =>
    [
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata:',
      '  name: api',
      'spec:',
      '  service: shop',
      '  indicator:',
      '    spec:',
      '      ratioMetric:',
      extra === ''
        ? [
            '        bad:',
            '          metricSource: {type: Prometheus, spec: {query: "sum(rate(errors_total[{{.window}}]))"}}',
            '        total:',
            '          metricSource: {type: prometheus, spec: {query: "sum(rate(requests_total[{{.window}}]))"}}',
          ].join('\n')
        : extra,
      '  objectives:',
      objectives,
      '',
    ].join('\n');

  it('reads bad over total as events', () => {
    const { specs, problems } = readSloSpecFile(openslo('    - targetPercent: 99.5'));
    expect(problems).toEqual([]);
    expect(specs[0]!.slos[0]!.sli.kind).toBe('events');
    expect(specs[0]!.slos[0]!.objective).toMatchObject({ ratio: 0.995, unit: 'percent' });
  });

  it('names several objectives by index', () => {
    const { specs, problems } = readSloSpecFile(openslo('    - target: 0.99\n    - target: 0.999'));
    expect(problems).toEqual([]);
    expect(specs[0]!.slos.map((slo) => slo.name.value)).toEqual(['api-0', 'api-1']);
  });

  it('reads a raw failure ratio', () => {
    const raw = ['        rawType: failure', '        raw:', '          metricSource: {type: Prometheus, spec: {query: "1 - avg_over_time(probe_success[{{.window}}])"}}'].join('\n');
    const { specs, problems } = readSloSpecFile(openslo('    - target: 0.99', raw));
    expect(problems).toEqual([]);
    expect(specs[0]!.slos[0]!.sli.kind).toBe('raw');
  });

  it('accepts a one-item label list', () => {
    const text = openslo('    - target: 0.99').replace('  name: api\n', '  name: api\n  labels:\n    env: [prod]\n');
    const { specs, problems } = readSloSpecFile(text);
    expect(problems).toEqual([]);
    expect(specs[0]!.labels).toMatchObject([{ name: 'env', value: 'prod' }]);
  });
});

describe('merge keys', () => {
  it('expands labels from an anchor', () => {
    const text = [
      'version: prometheus/v1',
      'service: a',
      'labels:',
      '  <<: &common {env: prod, team: payments}',
      '  team: search',
      'slos: []',
      '',
    ].join('\n');
    const labels = readSloSpecFile(text).specs[0]!.labels;
    expect(labels.map((label) => `${label.name}=${label.value}`)).toEqual(['env=prod', 'team=search']);
  });
});

describe('several documents', () => {
  it('reads every spec and skips other documents', () => {
    const text = [
      'groups: []',
      '---',
      'version: prometheus/v1',
      'service: a',
      'slos:',
      '  - name: x',
      '    objective: 99',
      '    sli: {raw: {error_ratio_query: "rate(errors_total[{{.window}}])"}}',
      '    alerting: {name: AHigh}',
      '---',
      'version: prometheus/v1',
      'service: b',
      'slos:',
      '  - name: x',
      '    objective: 99',
      '    sli: {raw: {error_ratio_query: "rate(errors_total[{{.window}}])"}}',
      '    alerting: {name: BHigh}',
      '',
    ].join('\n');
    const { specs, problems } = readSloSpecFile(text);
    expect(problems).toEqual([]);
    expect(specs.map((spec) => [spec.service.value, spec.documentIndex])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});
