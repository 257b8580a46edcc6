import { UserError } from '../errors.js';
import { readSharedOptions, SHARED_OPTIONS } from './parse-lint-args.js';
import { parseCommandArgs } from './to-usage-error.js';
import type { Severity } from '../finding.js';
import type { OutputFormat } from './parse-lint-args.js';

export interface CiArgs {
  help: boolean;
  /** The revision the change is compared with, as given. */
  base: string;
  /** The revision to lint, as given; undefined lints the work tree. */
  head: string | undefined;
  format: OutputFormat;
  /** The `--policy` file as given, relative to the current directory or absolute. */
  policy: string | undefined;
  failOn: Severity | undefined;
  /** The files and folders whose findings are reported; empty for the whole repository. */
  paths: string[];
}

/** Parses the arguments after `ci`. Throws a `UserError` for unknown options, bad values and a missing `--base`. */
export function parseCiArgs(argv: readonly string[]): CiArgs {
  const { values, positionals } = parseCommandArgs(argv, 'ci', { ...SHARED_OPTIONS, base: { type: 'string' }, head: { type: 'string' } });
  if (values.help === true) return { help: true, base: '', head: undefined, format: 'text', policy: undefined, failOn: undefined, paths: positionals };

  const { format, policy, failOn } = readSharedOptions(values);
  if (values.base === undefined || values.base === '') {
    throw new UserError('missing --base; name the branch or commit the change is compared with, such as `promgate ci --base origin/main`.');
  }
  if (values.head === '') throw new UserError('invalid value "" for --head; expected a branch or commit, or leave --head out to lint the work tree.');

  return { help: false, base: values.base, head: values.head, format, policy, failOn, paths: positionals };
}
