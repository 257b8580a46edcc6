import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { formatSarif } from '../../src/report/format-sarif.js';
import { FILE_FINDING, MULTILINE_FINDING, PULL_REQUEST_FINDING, sampleReport } from './sample-report.js';
import { validateWithMultitool } from './sarif-multitool.js';
import { validateSarifSchema as validateSarif } from './validate-sarif-schema.js';
import type { Finding } from '../../src/finding.js';

const TOOL = {
  version: '1.2.3',
  checks: [
    { id: 'alerts/annotations', description: 'Require the annotations responders need.', severity: 'warning' as const },
    { id: 'slo/coverage', description: 'Require an SLO for every service.', severity: 'info' as const },
    { id: 'yaml/schema', description: 'Disallow invalid structure.', severity: 'error' as const },
  ],
};

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: Record<string, unknown>[];
  }[];
}

function parse(findings?: Finding[]): SarifLog {
  return JSON.parse(formatSarif(sampleReport(findings), TOOL)) as SarifLog;
}

describe('formatSarif', () => {
  it('matches the SARIF 2.1.0 schema', () => {
    expect(validateSarif(parse())).toEqual([]);
  });

  it('matches the schema with the registry', () => {
    const log = JSON.parse(formatSarif(sampleReport(), { version: '0.0.0', checks: CHECKS })) as unknown;
    expect(validateSarif(log)).toEqual([]);
  });

  it('rejects a broken log', () => {
    const log = parse();
    (log.runs[0]!.results[0] as { level: string }).level = 'fatal';
    expect(validateSarif(log)).not.toEqual([]);
  });

  it('describes the tool', () => {
    const driver = parse().runs[0]!.tool.driver;
    expect(driver.name).toBe('promgate');
    expect(driver.version).toBe('1.2.3');
    expect(driver.informationUri).toBe('https://github.com/promgate/promgate');
    expect(driver.rules[0]).toEqual({
      id: 'alerts/annotations',
      shortDescription: { text: 'Require the annotations responders need.' },
      helpUri: 'https://github.com/promgate/promgate/blob/main/docs/checks/alerts/annotations.md',
      defaultConfiguration: { level: 'warning' },
    });
    expect(driver.rules.map((rule) => rule.defaultConfiguration.level)).toEqual(['warning', 'note', 'error']);
  });

  it('writes a located result', () => {
    expect(parse([FILE_FINDING]).runs[0]!.results[0]).toEqual({
      ruleId: 'yaml/schema',
      ruleIndex: 2,
      level: 'error',
      message: { text: 'Rule has no `expr`.\nAdd `expr` with the PromQL expression the rule evaluates.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'rules/api.rules.yml' },
            region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 21 },
          },
        },
      ],
    });
  });

  it('pull request result has no location', () => {
    const result = parse([PULL_REQUEST_FINDING]).runs[0]!.results[0]!;
    expect(result.level).toBe('note');
    expect(result.locations).toBeUndefined();
  });

  it('encodes unusual file names', () => {
    const finding: Finding = { ...MULTILINE_FINDING, file: '../other repo/rules#1.yml' };
    const log = parse([finding]);
    const location = (log.runs[0]!.results[0] as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }).locations[0]!;
    expect(location.physicalLocation.artifactLocation.uri).toBe('../other%20repo/rules%231.yml');
    expect(validateSarif(log)).toEqual([]);
  });

  it('unknown check has no rule index', () => {
    const finding: Finding = { ...FILE_FINDING, check: 'custom/check' };
    expect(parse([finding]).runs[0]!.results[0]!.ruleIndex).toBeUndefined();
  });

  it('has no baselineState for lint', () => {
    expect(parse().runs[0]!.results.every((result) => !('baselineState' in result))).toBe(true);
  });

  it('marks new and pre-existing results', () => {
    const report = { ...sampleReport([FILE_FINDING, PULL_REQUEST_FINDING]), preExisting: [MULTILINE_FINDING] };
    const results = (JSON.parse(formatSarif(report, TOOL)) as SarifLog).runs[0]!.results;
    expect(results.map((result) => [result.ruleId, result.baselineState])).toEqual([
      ['yaml/schema', 'new'],
      ['slo/coverage', 'new'],
      ['alerts/annotations', 'unchanged'],
    ]);
  });
});

describe('formatSarif with the SARIF Multitool', () => {
  it('validates a lint log', () => {
    expect(validateWithMultitool(formatSarif(sampleReport(), { version: '0.0.0', checks: CHECKS }))).toEqual([]);
  });

  it('validates a ci log', () => {
    const report = { ...sampleReport([FILE_FINDING]), preExisting: [{ ...MULTILINE_FINDING, file: 'rules/team a/ünïcode#1.yml' }] };
    const sarif = formatSarif(report, { version: '0.0.0', checks: CHECKS });
    expect(validateWithMultitool(sarif)).toEqual([]);
    expect(validateSarif(JSON.parse(sarif))).toEqual([]);
  });

  it('reports a broken log', () => {
    const log = parse([FILE_FINDING]) as unknown as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'rules/a b.yml';
    expect(validateWithMultitool(JSON.stringify(log))).toEqual([expect.stringMatching(/^SARIF1002 error: .*rules\/a b\.yml/)]);
  });
});
