import { describeError, isDebugEnabled, UserError } from '../errors.js';
import { MAIN_HELP } from './help-text.js';
import type { CliIo } from './cli-io.js';

const COMMANDS = ['lint', 'ci', 'generate'];

/**
 * Runs the promgate command line with `argv` (the arguments after
 * `promgate`) and returns the exit code. Errors are printed to `io.stderr`
 * rather than thrown.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const { text, exitCode } = describeError(error, isDebugEnabled(io.env));
    io.stderr.write(text);
    return exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      io.stderr.write(MAIN_HELP);
      return 2;
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(MAIN_HELP);
      return 0;
    case '--version': {
      // Imported here so `lint` never reads package.json unless SARIF needs it.
      const { readPackageVersion } = await import('./package-version.js');
      io.stdout.write(`${readPackageVersion()}\n`);
      return 0;
    }
    case 'lint': {
      // Loaded on demand so --help and --version skip the checks and their parsers.
      const { runLint } = await import('./lint-command.js');
      return runLint(rest, io);
    }
    case 'ci': {
      const { runCi } = await import('./ci-command.js');
      return runCi(rest, io);
    }
    case 'generate': {
      const { runGenerate } = await import('./generate-command.js');
      return runGenerate(rest, io);
    }
    default:
      if (command.startsWith('-')) throw new UserError(`unknown option ${command}; run \`promgate --help\` for the usage.`);
      throw new UserError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')}. Run \`promgate --help\` for the usage.`);
  }
}

/** Runs the CLI on the real process: its arguments, streams, directory and environment. */
export async function run(): Promise<void> {
  // A reader that stops early, such as `| head`, closes the pipe; that is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
}
