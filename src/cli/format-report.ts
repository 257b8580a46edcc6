import { CHECKS } from '../checks/registry.js';
import { formatGithub } from '../report/format-github.js';
import { formatJson } from '../report/format-json.js';
import { formatSarif } from '../report/format-sarif.js';
import { formatText } from '../report/format-text.js';
import { readPackageVersion } from './package-version.js';
import type { Report } from '../report/report.js';
import type { CliIo } from './cli-io.js';
import type { OutputFormat } from './parse-lint-args.js';

/** Formats a report for standard output in the format chosen with `--format`. */
export function formatReport(report: Report, format: OutputFormat, io: CliIo): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { version: readPackageVersion(), checks: CHECKS });
    case 'github':
      return formatGithub(report);
    case 'text':
      return formatText(report, { color: io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '' });
  }
}
