import type { Severity } from '../finding.js';
import type { ERROR_CONCLUSIONS, REPORT_SCOPES } from './policy-schema.js';

/** Scope of the findings a pull request review reports: those on changed rules, jobs and groups, or all. */
export type ReportScope = (typeof REPORT_SCOPES)[number];

/** The check run conclusion when promgate cannot finish a review. */
export type ErrorConclusion = (typeof ERROR_CONCLUSIONS)[number];

/** The `slo` policy section, in the policy file's snake_case. */
export interface SloSettings {
  period: '28d' | '30d';
  page_severity: string;
  ticket_severity: string;
  page_for: string;
  ticket_for: string;
  runbook_base_url: string;
}

/** A service of the `services` policy map. */
export interface ServiceSettings {
  paths?: string[];
  job?: string;
  selector?: string;
  monitoring?: string[];
}

/** Settings of one check: whether it runs, its severity and its options. */
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
  // The next three are optional for policies built by hand; `buildPolicy` sets them from
  // rules/default.yml, and readers treat a missing value as that file's default.
  /** Scope of the findings a review reports: `changed` by default. */
  report?: ReportScope;
  /** The check run conclusion when a review cannot finish: `failure` by default. */
  onError?: ErrorConclusion;
  /** The size in bytes above which a file is reported instead of linted: 1 MiB by default. */
  maxFileBytes?: number;
  /** Settings for generated SLO rules, as in `rules/default.yml`. */
  slo?: SloSettings;
  /** The services of the repository, by name; empty when the policy names none. */
  services?: Record<string, ServiceSettings>;
  checks: Record<string, CheckSettings>;
}
