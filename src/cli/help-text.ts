export const MAIN_HELP = `Usage: promgate <command> [options]

Lint Prometheus rule files, PrometheusRule objects and prometheus.yml against
the monitoring policy in .github/promgate.yml.

Commands:
  lint PATH...   Lint the monitoring files in the given files and folders.
  ci --base REF  Lint the repository and report what changed since REF, as
                 the GitHub App reports on a pull request.
  generate slo SPEC...
                 Write the recording rules and burn-rate alerts of SLO specs.
  generate service NAME --type TYPE --job JOB
                 Write rules for a service from the template of its type.

Options:
  -h, --help     Print this help.
  --version      Print promgate's version.

Run \`promgate lint --help\`, \`promgate ci --help\` or \`promgate generate --help\` for the options of each.
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

export const CI_HELP = `Usage: promgate ci --base REF [options] [PATH...]

Lint every monitoring file of the git repository and report the findings on
what changed since REF, as the GitHub App reports on a pull request. The
change runs from the merge base of REF and HEAD (or --head) to the work tree
(or --head). A finding counts as changed when any line of its rule, group or
scrape job changed; the others are listed apart as pre-existing and never
fail the run.

The policy is .github/promgate.yml as it is at REF, or the defaults when REF
has none, so a change cannot loosen the policy that judges it.

Options:
  --base REF          Branch, tag or commit the change is compared with, such
                      as origin/main. Required.
  --head REF          Commit to lint instead of the work tree.
  --format FORMAT     Output format: text (the default), json, sarif or github
                      (GitHub Actions annotations).
  --policy FILE       Policy file to use instead of .github/promgate.yml at REF.
  --fail-on SEVERITY  Lowest severity that makes promgate exit with 1: error,
                      warning or info. Overrides fail_on in the policy, whose
                      default is error.
  -h, --help          Print this help.

PATH limits the report to findings in the given files and folders. Every
monitoring file is still linted, because some checks compare files.

Exit codes:
  0  no changed finding at or above the fail-on severity
  1  at least one changed finding at or above the fail-on severity
  2  usage error, invalid policy, unknown revision or failed git command
  3  promgate crashed, which is a bug

Environment:
  NO_COLOR=1          Print text output without colours.
  PROMGATE_DEBUG=1    Print stack traces of errors.
`;
