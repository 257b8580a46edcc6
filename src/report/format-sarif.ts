import { docsUrl } from '../finding.js';
import type { Finding, Severity } from '../finding.js';
import type { Report } from './report.js';

/** The part of a check that SARIF's rule metadata reads. */
export interface SarifCheck {
  id: string;
  description: string;
  severity: Severity;
}

export interface SarifTool {
  version: string;
  checks: readonly SarifCheck[];
}

export const SARIF_SCHEMA_URL = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URL = 'https://github.com/promgate/promgate';

const LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** The two of SARIF's `baselineState` values that a comparison with the base commit can tell apart. */
type BaselineState = 'new' | 'unchanged';

/**
 * Formats findings as a SARIF 2.1.0 log with one run, for GitHub code
 * scanning and other SARIF viewers. Every registered check is listed as a
 * rule, and each result carries the fix in its message. A report with
 * pre-existing findings, as `promgate ci` writes it, lists them too and
 * marks every result with `baselineState`: `new` for the findings the change
 * is judged by, `unchanged` for the pre-existing ones.
 */
export function formatSarif(report: Report, tool: SarifTool): string {
  const ruleIndex = new Map(tool.checks.map((check, index) => [check.id, index]));
  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'promgate',
            version: tool.version,
            informationUri: INFORMATION_URL,
            rules: tool.checks.map((check) => ({
              id: check.id,
              shortDescription: { text: check.description },
              helpUri: docsUrl(check.id),
              defaultConfiguration: { level: LEVELS[check.severity] },
            })),
          },
        },
        // promgate counts columns in UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results: toResults(report, ruleIndex),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResults(report: Report, ruleIndex: ReadonlyMap<string, number>): Record<string, unknown>[] {
  if (report.preExisting === undefined) return report.findings.map((finding) => toResult(finding, ruleIndex.get(finding.check), undefined));
  return [
    ...report.findings.map((finding) => toResult(finding, ruleIndex.get(finding.check), 'new')),
    ...report.preExisting.map((finding) => toResult(finding, ruleIndex.get(finding.check), 'unchanged')),
  ];
}

function toResult(finding: Finding, ruleIndex: number | undefined, baselineState: BaselineState | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { ruleId: finding.check };
  if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
  result.level = LEVELS[finding.severity];
  result.message = { text: finding.fix === undefined ? finding.message : `${finding.message}\n${finding.fix}` };
  if (baselineState !== undefined) result.baselineState = baselineState;
  if (finding.file !== undefined) {
    result.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(finding.file) },
          ...(finding.line === undefined ? {} : { region: toRegion(finding) }),
        },
      },
    ];
  }
  return result;
}

function toRegion(finding: Finding): Record<string, number> {
  const region: Record<string, number> = { startLine: finding.line! };
  if (finding.column !== undefined) region.startColumn = finding.column;
  if (finding.endLine !== undefined) region.endLine = finding.endLine;
  if (finding.endColumn !== undefined) region.endColumn = finding.endColumn;
  return region;
}

/** Percent-encodes each segment of a relative `/`-separated path, so spaces and `#` stay part of the path. */
function toUriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
