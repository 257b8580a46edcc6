import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import type { Severity } from '../finding.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const SEVERITY_CHOICES = ['error', 'warning', 'info'] as const;

export interface LintArgs {
  help: boolean;
  format: OutputFormat;
  /** The `--policy` file as given, relative to the current directory or absolute. */
  policy: string | undefined;
  failOn: Severity | undefined;
  paths: string[];
}

/** Parses the arguments after `lint`. Throws a `UserError` for unknown options, bad values and missing paths. */
export function parseLintArgs(argv: readonly string[]): LintArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        policy: { type: 'string' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw toUsageError(error);
  }

  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, format: 'text', policy: undefined, failOn: undefined, paths: positionals };

  const format = values.format ?? 'text';
  if (!isOneOf(format, OUTPUT_FORMATS)) throw invalidChoice('--format', format, OUTPUT_FORMATS);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isOneOf(failOn, SEVERITY_CHOICES)) throw invalidChoice('--fail-on', failOn, SEVERITY_CHOICES);
  if (values.policy === '') throw new UserError('invalid value "" for --policy; expected the path of a policy file.');
  if (positionals.length === 0) {
    throw new UserError('missing PATH; name the files or folders to lint, such as `promgate lint rules/`.');
  }

  return { help: false, format, policy: values.policy, failOn, paths: positionals };
}

function isOneOf<T extends string>(value: string, choices: readonly T[]): value is T {
  return (choices as readonly string[]).includes(value);
}

function invalidChoice(option: string, value: string, choices: readonly string[]): UserError {
  return new UserError(`invalid value ${JSON.stringify(value)} for ${option}; expected one of ${choices.join(', ')}.`);
}

/** Rewords node:util's parse errors, which suggest `--` tricks rather than the fix. */
function toUsageError(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  const option = /--[a-z-]+/.exec(error.message)?.[0] ?? /'(-[^' ,]+)/.exec(error.message)?.[1] ?? 'option';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UserError(`unknown option ${option}; run \`promgate lint --help\` for the options.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (error.message.includes('argument missing')) return new UserError(`missing value for ${option}; write it as ${option} VALUE or ${option}=VALUE.`);
      return new UserError(`${option} takes no value; remove what follows it.`);
    default:
      return new UserError(`${error.message} Run \`promgate lint --help\` for the usage.`);
  }
}
