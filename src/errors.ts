/** The exit code for usage errors, invalid policies and files that cannot be read. */
export const USER_ERROR_EXIT_CODE = 2;

/** The exit code when promgate itself fails, so scripts can tell a bug from a finding. */
export const INTERNAL_ERROR_EXIT_CODE = 3;

export const ISSUES_URL = 'https://github.com/promgate/promgate/issues';

/**
 * A mistake the user can fix: a wrong flag, an invalid policy, a path that
 * does not exist. The message states what failed and what to do, and front ends
 * print it without a stack trace.
 */
export class UserError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? USER_ERROR_EXIT_CODE;
  }
}

/** A state promgate should never reach, such as a shipped file that is missing. */
export class InternalError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InternalError';
  }
}

/** Returns whether `PROMGATE_DEBUG=1` requests stack traces. */
export function isDebugEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.PROMGATE_DEBUG === '1';
}

/**
 * Formats any thrown value for the terminal and picks the exit code. A
 * `UserError` prints its message, and anything else is reported as a crash
 * with a hint to report it. Either carries the stack only when `debug` is set.
 */
export function describeError(error: unknown, debug: boolean): { text: string; exitCode: number } {
  if (error instanceof UserError) {
    const stack = debug && error.stack !== undefined ? `\n${error.stack}` : '';
    return { text: `promgate: ${error.message}${stack}\n`, exitCode: error.exitCode };
  }

  const message = error instanceof Error ? error.message : String(error);
  const lines = [`promgate crashed; this is a bug: ${message}`];
  if (debug) {
    lines.push(error instanceof Error && error.stack !== undefined ? error.stack : String(error));
  } else {
    lines.push('Run again with PROMGATE_DEBUG=1 to print the stack trace.');
  }
  lines.push(`Please report it at ${ISSUES_URL} with the command and the files it read.`);
  return { text: `${lines.join('\n')}\n`, exitCode: INTERNAL_ERROR_EXIT_CODE };
}
