import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CHECKS } from '../checks/registry.js';
import { UserError } from '../errors.js';
import { SourceFile } from '../load/source-file.js';
import { buildPolicy } from '../policy/build-policy.js';
import { DATABASE_EXPORTERS, SERVICE_TYPES } from '../slo/service-template.js';
import { fromPolicyOptions } from '../slo/generation-options.js';
import { generateServiceRules } from '../slo/generate-service-rules.js';
import { generateSpecFile } from '../slo/generate-spec-file.js';
import { describeIoError } from './collect-files.js';
import { findRepository } from './find-repository.js';
import { parseCommandArgs } from './to-usage-error.js';
import type { CliIo } from './cli-io.js';
import type { SloGenerationDefaults } from '../slo/generation-options.js';
import type { DatabaseExporter, ServiceType } from '../slo/service-template.js';

export const GENERATE_HELP = `Usage:
  promgate generate slo SPEC... [--out DIR | --stdout] [--policy FILE]
  promgate generate service NAME --type TYPE --job JOB [--exporter EXPORTER] [--label KEY=VALUE]...
                           [--runbook-base-url URL] [--out DIR]

generate slo writes the recording rules and multi-window burn-rate alerts of
each Sloth or OpenSLO spec, next to the spec as <name>.rules.yml, or in DIR
with --out, or to standard output with --stdout. The SLO settings (period,
alert severities, for durations, runbook base URL) come from the policy's
slo section.

generate service writes rules from the template of a kind of service to
standard output, or to DIR/NAME.rules.yml with --out. --label adds a label to
every rule, and alerts link runbook_url to URL/<alert name>, with
https://runbooks.example.com as the default URL.
  TYPE       ${SERVICE_TYPES.join(', ')}
  EXPORTER   ${DATABASE_EXPORTERS.join(', ')} (with --type database)

Exit status: 0 when every file was generated, 1 when a spec has problems,
2 for usage or I/O errors.
`;

/** Runs `promgate generate slo|service` and returns the exit code. */
export async function runGenerate(argv: readonly string[], io: CliIo): Promise<number> {
  const [what, ...rest] = argv;
  switch (what) {
    case 'slo':
      return generateSlo(rest, io);
    case 'service':
      return generateService(rest, io);
    case '-h':
    case '--help':
    case undefined:
      (what === undefined ? io.stderr : io.stdout).write(GENERATE_HELP);
      return what === undefined ? 2 : 0;
    default:
      throw new UserError(`unknown generate command "${what}"; use \`promgate generate slo\` or \`promgate generate service\`.`);
  }
}

function generateSlo(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, 'generate', {
    out: { type: 'string' },
    stdout: { type: 'boolean' },
    policy: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UserError('`promgate generate slo` needs at least one SPEC file.');
  if (values.out !== undefined && values.stdout === true) throw new UserError('use either `--out DIR` or `--stdout`, not both.');

  let failed = false;
  for (const spec of positionals) {
    const absolute = resolve(io.cwd, spec);
    const repository = findRepository(dirname(absolute), io.cwd);
    const policyFile = typeof values.policy === 'string' ? resolve(io.cwd, values.policy) : repository.policyFile;
    const defaults = sloDefaults(policyFile);
    const bytes = readBytes(absolute, spec);
    const specPath = relative(repository.root, absolute).split(sep).join('/');

    const result = generateSpecFile({ specPath, spec: bytes, defaults });
    if (!result.ok) {
      failed = true;
      const source = new SourceFile(spec, new TextDecoder().decode(bytes));
      for (const problem of result.problems) {
        const { line, column } = source.positionAt(problem.start);
        io.stderr.write(`${spec}:${line}:${column} error slo/spec ${problem.message}\n    ${problem.fix}\n`);
      }
      continue;
    }

    if (values.stdout === true) {
      io.stdout.write(result.text);
      continue;
    }
    const output = typeof values.out === 'string' ? join(resolve(io.cwd, values.out), basename(result.outputPath)) : join(repository.root, result.outputPath);
    writeOutput(output, result.text);
    io.stdout.write(`${shownPath(output, io.cwd, values.out)}: generated from ${spec}\n`);
  }
  return failed ? 1 : 0;
}

function generateService(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, 'generate', {
    type: { type: 'string' },
    job: { type: 'string' },
    exporter: { type: 'string' },
    label: { type: 'string', multiple: true },
    out: { type: 'string' },
    'runbook-base-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(GENERATE_HELP);
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) throw new UserError('`promgate generate service` needs exactly one NAME.');
  if (typeof values.type !== 'string' || !(SERVICE_TYPES as readonly string[]).includes(values.type)) {
    throw new UserError(`\`--type\` must be one of ${SERVICE_TYPES.join(', ')}${typeof values.type === 'string' ? `, not "${values.type}"` : ''}.`);
  }
  if (typeof values.job !== 'string') throw new UserError('`--job JOB` is required: the scrape job of the service, as in `up{job="JOB"}`.');

  const labels: Record<string, string> = {};
  for (const pair of values.label ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UserError(`\`--label ${pair}\` must read KEY=VALUE, such as \`--label team=payments\`.`);
    labels[pair.slice(0, equals)] = pair.slice(equals + 1);
  }

  const text = generateServiceRules(name, {
    type: values.type as ServiceType,
    job: values.job,
    ...(typeof values.exporter === 'string' ? { exporter: values.exporter as DatabaseExporter } : {}),
    ...(typeof values['runbook-base-url'] === 'string' ? { runbookBaseUrl: values['runbook-base-url'] } : {}),
    labels,
  });
  if (typeof values.out !== 'string') {
    io.stdout.write(text);
    return 0;
  }
  const output = join(resolve(io.cwd, values.out), `${name}.rules.yml`);
  writeOutput(output, text);
  io.stdout.write(`${shownPath(output, io.cwd, values.out)}: generated for service ${name}\n`);
  return 0;
}

/** Reads the `slo` settings of the policy that governs a spec, or promgate's defaults. */
function sloDefaults(policyFile: string | undefined): SloGenerationDefaults {
  const policy = buildPolicy({
    checks: CHECKS,
    ...(policyFile === undefined ? {} : { policy: { path: policyFile, text: readText(policyFile) } }),
  });
  if (policy.slo === undefined) throw new UserError('the policy has no `slo` section; rules/default.yml should provide one.');
  return fromPolicyOptions(policy.slo);
}

/** Shows an output path relative to the current folder, or absolute when the user gave `--out` as an absolute path. */
function shownPath(output: string, cwd: string, out: string | undefined): string {
  return out !== undefined && isAbsolute(out) ? output : relative(cwd, output) || output;
}

function readBytes(path: string, shown: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UserError(`failed to read ${shown}: ${describeIoError(error)}.`);
  }
}

function readText(path: string): string {
  return new TextDecoder().decode(readBytes(path, path));
}

function writeOutput(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UserError(`failed to write ${path}: ${describeIoError(error)}.`);
  }
}
