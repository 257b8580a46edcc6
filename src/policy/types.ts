import type { Severity } from '../finding.js';

/** How one check runs: whether at all, at which severity, with which options. */
export interface CheckSettings {
  enabled: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * The policy after the shipped defaults, the repository's policy file and
 * command-line flags are merged and validated. Every check id has settings.
 */
export interface Policy {
  /** The lowest severity that fails the run: exit code 1, check run `failure`. */
  failOn: Severity;
  /** Globs of files to lint, relative to the repository root. */
  include: string[];
  /** Globs of files never to lint, even when `include` matches them. */
  exclude: string[];
  checks: Record<string, CheckSettings>;
}
