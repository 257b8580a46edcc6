import { describe, expect, it } from 'vitest';
import { readSloSpecFile } from '../../src/slo/index.js';
import { placeProblems } from './spec-positions.js';

const SLOTH = [
  'version: prometheus/v1',
  'service: shop',
  'labels:',
  '  env: prod',
  'slos:',
  '  - name: api',
  '    objective: 99.9',
  '    sli:',
  '      events:',
  '        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
  '        total_query: sum(rate(http_requests_total[{{.window}}]))',
  '    alerting:',
  '      name: ShopApiErrors',
  '',
].join('\n');

const OPENSLO = [
  'apiVersion: openslo/v1',
  'kind: SLO',
  'metadata:',
  '  name: search',
  'spec:',
  '  service: search',
  '  indicator:',
  '    spec:',
  '      ratioMetric:',
  '        good:',
  '          metricSource:',
  '            type: Prometheus',
  '            spec:',
  '              query: sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
  '        total:',
  '          metricSource:',
  '            type: Prometheus',
  '            spec:',
  '              query: sum(rate(http_requests_total[{{.window}}]))',
  '  timeWindow:',
  '    - duration: 30d',
  '      isRolling: true',
  '  objectives:',
  '    - target: 0.999',
  '',
].join('\n');

interface Expected {
  line: number;
  column: number;
  /** A fragment of the message. */
  message: string;
  /** A fragment of the fix. */
  fix?: string;
}

interface Case {
  name: string;
  base: string;
  /** Pairs of text to find in the base spec and text to put in its place. */
  edits: [string, string][];
  problems: Expected[];
}

function applyEdits(base: string, edits: readonly [string, string][]): string {
  let text = base;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`the base spec does not contain ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

const ERROR_QUERY = 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))';

const cases: Case[] = [
  { name: 'sloth fixture is valid', base: SLOTH, edits: [], problems: [] },
  { name: 'openslo fixture is valid', base: OPENSLO, edits: [], problems: [] },
  {
    name: 'objective 100',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: 100']],
    problems: [{ line: 7, column: 16, message: '`slos[0].objective` is `100`, outside the range from 0 to 100', fix: 'such as `99.9`' }],
  },
  {
    name: 'objective 0',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: 0']],
    problems: [{ line: 7, column: 16, message: 'is `0`, outside the range from 0 to 100' }],
  },
  {
    name: 'objective text',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: high']],
    problems: [{ line: 7, column: 16, message: '`slos[0].objective` must be a number written without quotes, got `high`' }],
  },
  {
    name: 'objective quoted',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: "99.9"']],
    problems: [{ line: 7, column: 17, message: 'must be a number written without quotes' }],
  },
  {
    name: 'target as percent',
    base: OPENSLO,
    edits: [['target: 0.999', 'target: 99.9']],
    problems: [{ line: 24, column: 15, message: '`spec.objectives[0].target` is `99.9`, outside the range from 0 to 1, both excluded. It looks like a percentage', fix: '`0.999`' }],
  },
  {
    name: 'target percent 100',
    base: OPENSLO,
    edits: [['target: 0.999', 'targetPercent: 100']],
    problems: [{ line: 24, column: 22, message: '`spec.objectives[0].targetPercent` is `100`, outside the range from 0 to 100' }],
  },
  {
    name: 'target and percent',
    base: OPENSLO,
    edits: [['    - target: 0.999', '    - target: 0.999\n      targetPercent: 99.9']],
    problems: [{ line: 24, column: 7, message: 'sets both `target` and `targetPercent`' }],
  },
  {
    name: 'query without window',
    base: SLOTH,
    edits: [['code=~"5.."}[{{.window}}]', 'code=~"5.."}[5m]']],
    problems: [{ line: 10, column: 22, message: '`slos[0].sli.events.error_query` does not use `{{.window}}`', fix: 'Write `{{.window}}` as the range' }],
  },
  {
    name: 'openslo query without window',
    base: OPENSLO,
    edits: [['http_requests_total[{{.window}}]', 'http_requests_total[1h]']],
    problems: [{ line: 19, column: 22, message: '`spec.indicator.spec.ratioMetric.total.metricSource.spec.query` does not use `{{.window}}`' }],
  },
  {
    name: 'capitalised window',
    base: SLOTH,
    edits: [['code=~"5.."}[{{.window}}]', 'code=~"5.."}[{{.Window}}]']],
    problems: [
      { line: 10, column: 22, message: 'does not use `{{.window}}`' },
      { line: 10, column: 64, message: 'contains the template action `{{.Window}}`', fix: 'in lower case' },
    ],
  },
  {
    name: 'spaces in placeholder',
    base: SLOTH,
    edits: [['code=~"5.."}[{{.window}}]', 'code=~"5.."}[{{ .window }}]']],
    problems: [],
  },
  {
    name: 'parse error after window',
    base: SLOTH,
    edits: [[ERROR_QUERY, 'sum(rate(http_requests_total[{{.window}}])) by code']],
    problems: [{ line: 10, column: 69, message: 'is not valid PromQL with `{{.window}}` set to `5m`: unexpected identifier `code`' }],
  },
  {
    name: 'parse error in block',
    base: SLOTH,
    edits: [[`error_query: ${ERROR_QUERY}`, 'error_query: |\n          sum(rate(http_requests_total[{{.window}}]))\n            by code']],
    problems: [{ line: 12, column: 16, message: 'unexpected identifier `code`' }],
  },
  {
    name: 'range vector query',
    base: SLOTH,
    edits: [['total_query: sum(rate(http_requests_total[{{.window}}]))', 'total_query: http_requests_total[{{.window}}]']],
    problems: [{ line: 11, column: 22, message: 'returns a range vector', fix: 'Apply a function to the range' }],
  },
  {
    name: 'duplicate names',
    base: SLOTH,
    edits: [['      name: ShopApiErrors\n', '      name: ShopApiErrors\n  - name: api\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(errors_total[{{.window}}])"}}\n    alerting: {name: Other}\n']],
    problems: [{ line: 14, column: 11, message: 'SLO `api` of service `shop` is defined twice; the first definition is on line 6', fix: 'Rename one of them' }],
  },
  {
    name: 'colliding ids',
    base: SLOTH,
    edits: [
      ['  - name: api', '  - name: api-v2'],
      [
        '      name: ShopApiErrors\n',
        '      name: ShopApiErrors\n---\nversion: prometheus/v1\nservice: shop-api\nslos:\n  - name: v2\n    objective: 99\n    sli: {raw: {error_ratio_query: "rate(errors_total[{{.window}}])"}}\n    alerting: {name: Other}\n',
      ],
    ],
    problems: [
      {
        line: 18,
        column: 11,
        message: 'SLO `v2` of service `shop-api` gets the id `shop-api-v2`, the same as SLO `api-v2` of service `shop` on line 6.',
        fix: '`<service>-<name>` becomes the `sloth_id` label',
      },
    ],
  },
  {
    name: 'labels from merge key',
    base: SLOTH,
    edits: [['labels:\n  env: prod', 'x-defaults: &defaults\n  env: prod\nlabels:\n  <<: *defaults\n  team-name: a']],
    problems: [
      { line: 3, column: 1, message: 'Unknown key `x-defaults` at the top of the spec.' },
      { line: 7, column: 3, message: '`team-name` is not a valid label name' },
    ],
  },
  {
    name: 'page cannot fire',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: 90']],
    problems: [
      {
        line: 7,
        column: 16,
        message: 'The page alert of SLO `api` can never fire on its 1h and 5m windows: its threshold is 14.4 × the error budget 0.1 = 1.44',
        fix: 'Raise `slos[0].objective` above 93.0556, or set `slos[0].alerting.page_alert.disable: true`',
      },
    ],
  },
  {
    name: 'disabled page is not checked',
    base: SLOTH,
    edits: [
      ['objective: 99.9', 'objective: 90'],
      ['name: ShopApiErrors', 'name: ShopApiErrors\n      page_alert:\n        disable: true'],
    ],
    problems: [],
  },
  {
    name: 'percent written as ratio',
    base: SLOTH,
    edits: [['objective: 99.9', 'objective: 0.999']],
    problems: [
      { line: 7, column: 16, message: 'page alert of SLO `api` can never fire on its 1h and 5m windows' },
      { line: 7, column: 16, message: 'page alert of SLO `api` can never fire on its 6h and 30m windows' },
      { line: 7, column: 16, message: 'ticket alert of SLO `api` can never fire on its 1d and 2h windows: its threshold is 3 × the error budget 0.99001 = 2.97003, and an error ratio never exceeds 1. `slos[0].objective` is a percentage, so `0.999` means 0.999%, not 99.9%.' },
    ],
  },
  {
    name: 'openslo 30d page cannot fire',
    base: OPENSLO,
    edits: [['target: 0.999', 'target: 0.93']],
    problems: [{ line: 24, column: 15, message: 'its threshold is 14.4 × the error budget 0.07 = 1.008', fix: 'Raise `spec.objectives[0].target` above 0.9306.' }],
  },
  {
    name: 'openslo 28d page can fire',
    base: OPENSLO,
    edits: [
      ['target: 0.999', 'target: 0.93'],
      ['duration: 30d', 'duration: 28d'],
    ],
    problems: [],
  },
  {
    name: 'unknown key',
    base: SLOTH,
    edits: [['objective: 99.9', 'objetive: 99.9']],
    problems: [
      { line: 6, column: 5, message: '`slos[0].objective` is missing.', fix: '`objective: 99.9`' },
      { line: 7, column: 5, message: 'Unknown key `objetive` in `slos[0]`.', fix: 'Rename `objetive` to `objective`.' },
    ],
  },
  {
    name: 'labels as list',
    base: SLOTH,
    edits: [['labels:\n  env: prod', 'labels: [prod]']],
    problems: [{ line: 3, column: 9, message: '`labels` must be a mapping, got a list.' }],
  },
  {
    name: 'slos misspelt',
    base: SLOTH,
    edits: [['slos:', 'slo:']],
    problems: [
      { line: 1, column: 1, message: '`slos` is missing.' },
      { line: 5, column: 1, message: 'Unknown key `slo` at the top of the spec.', fix: 'Rename `slo` to `slos`.' },
    ],
  },
  {
    name: 'events and raw',
    base: SLOTH,
    edits: [['      events:', '      raw: {error_ratio_query: "rate(errors_total[{{.window}}])"}\n      events:']],
    problems: [{ line: 9, column: 7, message: '`slos[0].sli` sets both `events` and `raw`' }],
  },
  {
    name: 'sloth plugin',
    base: SLOTH,
    edits: [['      events:', '      plugin:\n        id: sloth-common/availability\n      other:']],
    problems: [
      { line: 9, column: 7, message: '`slos[0].sli.plugin` selects a Sloth SLI plugin', fix: 'sli.events' },
      { line: 11, column: 7, message: 'Unknown key `other` in `slos[0].sli`.' },
    ],
  },
  {
    name: 'alert name missing',
    base: SLOTH,
    edits: [['name: ShopApiErrors', 'title: ShopApiErrors']],
    problems: [
      { line: 13, column: 7, message: 'Unknown key `title` in `slos[0].alerting`.' },
      { line: 13, column: 7, message: '`slos[0].alerting.name` is missing.', fix: 'Name the burn-rate alerts' },
    ],
  },
  {
    name: 'invalid label name',
    base: SLOTH,
    edits: [['env: prod', 'team-name: payments']],
    problems: [{ line: 4, column: 3, message: '`team-name` is not a valid label name', fix: 'such as `team_name`' }],
  },
  {
    name: 'reserved label',
    base: SLOTH,
    edits: [['env: prod', 'sloth_id: mine']],
    problems: [{ line: 4, column: 3, message: 'Label `sloth_id` is set by promgate on every generated rule' }],
  },
  {
    name: 'invalid annotation name',
    base: SLOTH,
    edits: [['name: ShopApiErrors', 'name: ShopApiErrors\n      annotations:\n        runbook-url: https://runbooks.example.com/shop']],
    problems: [{ line: 15, column: 9, message: '`runbook-url` is not a valid annotation name' }],
  },
  {
    name: 'disable not boolean',
    base: SLOTH,
    edits: [['name: ShopApiErrors', 'name: ShopApiErrors\n      ticket_alert:\n        disable: "true"']],
    problems: [{ line: 15, column: 19, message: '`slos[0].alerting.ticket_alert.disable` must be `true` or `false`, got `true`' }],
  },
  {
    name: 'empty service',
    base: SLOTH,
    edits: [['service: shop', 'service: ""']],
    problems: [{ line: 2, column: 11, message: '`service` is empty.' }],
  },
  {
    name: 'yaml syntax error',
    base: SLOTH,
    edits: [['service: shop', 'service: "shop']],
    problems: [{ line: 2, column: 15, message: 'Invalid YAML' }],
  },
  {
    name: 'datadog source',
    base: OPENSLO,
    edits: [['type: Prometheus', 'type: Datadog']],
    problems: [{ line: 12, column: 19, message: '`spec.indicator.spec.ratioMetric.good.metricSource.type` is `Datadog`', fix: '`type: Prometheus`' }],
  },
  {
    name: 'threshold metric',
    base: OPENSLO,
    edits: [['ratioMetric:', 'thresholdMetric:']],
    problems: [{ line: 9, column: 7, message: '`thresholdMetric` SLIs are not supported' }],
  },
  {
    name: 'indicator reference',
    base: OPENSLO,
    edits: [['  indicator:\n', '  indicatorRef: search-sli\n  indicator:\n']],
    problems: [{ line: 7, column: 3, message: '`spec.indicatorRef` refers to a separate `SLI` object' }],
  },
  {
    name: 'seven day window',
    base: OPENSLO,
    edits: [['duration: 30d', 'duration: 7d']],
    problems: [{ line: 21, column: 17, message: '`spec.timeWindow[0].duration` is `7d`; promgate generates rules for periods of `28d` and `30d` only' }],
  },
  {
    name: 'calendar window',
    base: OPENSLO,
    edits: [['isRolling: true', 'isRolling: false']],
    problems: [{ line: 22, column: 18, message: '`spec.timeWindow[0]` is a calendar window' }],
  },
  {
    name: 'timeslices budgeting',
    base: OPENSLO,
    edits: [['  objectives:', '  budgetingMethod: Timeslices\n  objectives:']],
    problems: [{ line: 23, column: 20, message: '`spec.budgetingMethod` is `Timeslices`', fix: '`budgetingMethod: Occurrences`' }],
  },
  {
    name: 'label with two values',
    base: OPENSLO,
    edits: [['  name: search\n', '  name: search\n  labels:\n    env: [prod, staging]\n']],
    problems: [{ line: 6, column: 10, message: '`metadata.labels.env` must be one value, because it becomes a Prometheus label; got a list of 2' }],
  },
  {
    name: 'openslo service missing',
    base: OPENSLO,
    edits: [['  service: search\n', '']],
    problems: [{ line: 6, column: 3, message: '`spec.service` is missing.' }],
  },
  {
    name: 'query key misspelt',
    base: OPENSLO,
    edits: [['              query: sum(rate(http_requests_total[{{.window}}]))', '              querry: sum(rate(http_requests_total[{{.window}}]))']],
    problems: [
      { line: 19, column: 15, message: 'Unknown key `querry`', fix: 'Rename `querry` to `query`.' },
      { line: 19, column: 15, message: '`spec.indicator.spec.ratioMetric.total.metricSource.spec.query` is missing.' },
    ],
  },
];

describe('spec problems', () => {
  it('case names are unique', () => {
    expect(new Set(cases.map((test) => test.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name', ({ base, edits, problems }) => {
    const text = applyEdits(base, edits);
    const placed = placeProblems(text, readSloSpecFile(text).problems);

    expect(placed.map(({ line, column }) => ({ line, column }))).toEqual(problems.map(({ line, column }) => ({ line, column })));
    problems.forEach((expected, index) => {
      expect(placed[index]!.message).toContain(expected.message);
      if (expected.fix !== undefined) expect(placed[index]!.fix).toContain(expected.fix);
    });
  });
});
