import { parseArgs } from 'node:util';
import { UserError } from '../errors.js';
import type { ParseArgsConfig } from 'node:util';

/**
 * Parses the arguments after `promgate <command>` strictly, with positionals
 * allowed. Throws a `UserError` for an unknown option or a missing value.
 */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], command: string, options: Options) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw toUsageError(error, command);
  }
}

/** Rewords node:util's parse errors, which suggest `--` tricks rather than the fix, for `promgate <command>`. */
export function toUsageError(error: unknown, command: string): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  const option = /--[a-z-]+/.exec(error.message)?.[0] ?? /'(-[^' ,]+)/.exec(error.message)?.[1] ?? 'option';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UserError(`unknown option ${option}; run \`promgate ${command} --help\` for the options.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (error.message.includes('argument missing')) return new UserError(`missing value for ${option}; write it as ${option} VALUE or ${option}=VALUE.`);
      return new UserError(`${option} takes no value; remove what follows it.`);
    default:
      return new UserError(`${error.message} Run \`promgate ${command} --help\` for the usage.`);
  }
}

export function isOneOf<T extends string>(value: string, choices: readonly T[]): value is T {
  return (choices as readonly string[]).includes(value);
}

export function invalidChoice(option: string, value: string, choices: readonly string[]): UserError {
  return new UserError(`invalid value ${JSON.stringify(value)} for ${option}; expected one of ${choices.join(', ')}.`);
}
