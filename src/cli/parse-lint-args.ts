import { UserError } from '../errors.js';
import { invalidChoice, isOneOf, parseCommandArgs } from './to-usage-error.js';
import type { Severity } from '../finding.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const SEVERITY_CHOICES = ['error', 'warning', 'info'] as const;

export interface LintArgs {
  help: boolean;
  format: OutputFormat;
  /** The `--policy` file as given, relative to the current directory or absolute. */
  policy: string | undefined;
  failOn: Severity | undefined;
  paths: string[];
}

/** The options `lint` and `ci` share, in `parseArgs` form. */
export const SHARED_OPTIONS = {
  format: { type: 'string' },
  policy: { type: 'string' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The values of the options `lint` and `ci` share, as parsed by `parseArgs`. */
export interface SharedOptionValues {
  format?: string;
  policy?: string;
  'fail-on'?: string;
}

/** Validates the options `lint` and `ci` share. Throws a `UserError` naming the option and the bad value. */
export function readSharedOptions(values: SharedOptionValues): { format: OutputFormat; policy: string | undefined; failOn: Severity | undefined } {
  const format = values.format ?? 'text';
  if (!isOneOf(format, OUTPUT_FORMATS)) throw invalidChoice('--format', format, OUTPUT_FORMATS);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isOneOf(failOn, SEVERITY_CHOICES)) throw invalidChoice('--fail-on', failOn, SEVERITY_CHOICES);
  if (values.policy === '') throw new UserError('invalid value "" for --policy; expected the path of a policy file.');
  return { format, policy: values.policy, failOn };
}

/** Parses the arguments after `lint`. Throws a `UserError` for unknown options, bad values and missing paths. */
export function parseLintArgs(argv: readonly string[]): LintArgs {
  const { values, positionals } = parseCommandArgs(argv, 'lint', SHARED_OPTIONS);
  if (values.help === true) return { help: true, format: 'text', policy: undefined, failOn: undefined, paths: positionals };

  const { format, policy, failOn } = readSharedOptions(values);
  if (positionals.length === 0) {
    throw new UserError('missing PATH; name the files or folders to lint, such as `promgate lint rules/`.');
  }

  return { help: false, format, policy, failOn, paths: positionals };
}
