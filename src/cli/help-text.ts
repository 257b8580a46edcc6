export const MAIN_HELP = `Usage: promgate <command> [options]

Lint Prometheus rule files, PrometheusRule objects and prometheus.yml against
the monitoring policy in .github/promgate.yml.

Commands:
  lint PATH...   Lint the monitoring files in the given files and folders.

Options:
  -h, --help     Print this help.
  --version      Print promgate's version.

Run \`promgate lint --help\` for the options of lint.
`;

export const LINT_HELP = `Usage: promgate lint [options] PATH...

Lint the .yml, .yaml and .rules files in each PATH. Folders are searched
recursively, skipping .git, node_modules and hidden folders, and a file found
there is linted when one of the policy's include globs matches it and none of
its exclude globs does. A file named on the command line is linted unless an
exclude glob matches it.

The policy is the first .github/promgate.yml found by walking up from each
PATH, stopping at the top of the Git repository. Without one, promgate uses
its defaults.

Options:
  --format FORMAT     Output format: text (the default), json, sarif or github
                      (GitHub Actions annotations).
  --policy FILE       Policy file to use instead of .github/promgate.yml.
  --fail-on SEVERITY  Lowest severity that makes promgate exit with 1: error,
                      warning or info. Overrides fail_on in the policy, whose
                      default is error.
  -h, --help          Print this help.

Exit codes:
  0  no finding at or above the fail-on severity
  1  at least one finding at or above the fail-on severity
  2  usage error, invalid policy, or a path that cannot be read
  3  promgate crashed, which is a bug

Environment:
  NO_COLOR=1          Print text output without colours.
  PROMGATE_DEBUG=1    Print stack traces of errors.
`;
