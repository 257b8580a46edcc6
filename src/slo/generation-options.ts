import * as z from 'zod';
import { UserError } from '../errors.js';
import { parseDuration } from '../promql/index.js';
import { DEFAULT_SLO_PERIOD, SLO_PERIODS } from './slo-spec.js';
import type { SloPeriod } from './slo-spec.js';

/** Settings a policy may change for every generated SLO rule file. */
export interface SloGenerationDefaults {
  /** The period of SLOs whose spec sets none. */
  period: SloPeriod;
  /** `severity` of the page alert, unless the spec's alert labels set one. */
  pageSeverity: string;
  ticketSeverity: string;
  /** `for` of the page alert, a Prometheus duration. */
  pageFor: string;
  ticketFor: string;
  /** Alerts without a `runbook_url` annotation get `<runbookBaseUrl>/<alert name>`. */
  runbookBaseUrl: string;
}

export const DEFAULT_SLO_GENERATION: Readonly<SloGenerationDefaults> = {
  period: DEFAULT_SLO_PERIOD,
  pageSeverity: 'critical',
  ticketSeverity: 'warning',
  pageFor: '2m',
  ticketFor: '15m',
  runbookBaseUrl: 'https://runbooks.example.com',
};

export interface SloGenerationOptions extends Partial<SloGenerationDefaults> {
  /** The spec's path relative to the repository root, with `/` separators. */
  specPath: string;
  /** SHA-256 of the spec file's bytes, in lower-case hex. */
  specSha256: string;
}

/**
 * The same settings as policy options, in the policy file's snake_case, for
 * a check that must regenerate rules exactly as the generator did.
 */
export const sloGenerationPolicySchema = z
  .object({
    period: z.enum(SLO_PERIODS),
    page_severity: z.string().min(1),
    ticket_severity: z.string().min(1),
    page_for: z.string().min(1),
    ticket_for: z.string().min(1),
    runbook_base_url: z.string().min(1),
  })
  .strict();

export type SloGenerationPolicy = z.infer<typeof sloGenerationPolicySchema>;

export function fromPolicyOptions(options: SloGenerationPolicy): SloGenerationDefaults {
  return {
    period: options.period,
    pageSeverity: options.page_severity,
    ticketSeverity: options.ticket_severity,
    pageFor: options.page_for,
    ticketFor: options.ticket_for,
    runbookBaseUrl: options.runbook_base_url,
  };
}

/** Fills in defaults and rejects settings that would produce an invalid rule file. */
export function resolveGenerationDefaults(options: Partial<SloGenerationDefaults>): SloGenerationDefaults {
  const resolved: SloGenerationDefaults = {
    period: options.period ?? DEFAULT_SLO_GENERATION.period,
    pageSeverity: options.pageSeverity ?? DEFAULT_SLO_GENERATION.pageSeverity,
    ticketSeverity: options.ticketSeverity ?? DEFAULT_SLO_GENERATION.ticketSeverity,
    pageFor: options.pageFor ?? DEFAULT_SLO_GENERATION.pageFor,
    ticketFor: options.ticketFor ?? DEFAULT_SLO_GENERATION.ticketFor,
    runbookBaseUrl: options.runbookBaseUrl ?? DEFAULT_SLO_GENERATION.runbookBaseUrl,
  };

  if (!(SLO_PERIODS as readonly string[]).includes(resolved.period)) {
    throw new UserError(`The SLO period \`${resolved.period}\` is not supported; use \`28d\` or \`30d\`.`);
  }
  for (const [name, value] of [
    ['page alert `severity`', resolved.pageSeverity],
    ['ticket alert `severity`', resolved.ticketSeverity],
  ] as const) {
    if (value.trim() === '') throw new UserError(`The ${name} is empty; use a value such as \`critical\` or \`warning\`.`);
  }
  for (const [name, value] of [
    ['page alert `for`', resolved.pageFor],
    ['ticket alert `for`', resolved.ticketFor],
  ] as const) {
    const parsed = parseDuration(value);
    if (!parsed.ok) throw new UserError(`The ${name} duration \`${value}\` is invalid: ${parsed.error}`);
  }
  checkRunbookBaseUrl(resolved.runbookBaseUrl);
  return resolved;
}

export function checkRunbookBaseUrl(base: string): void {
  if (!/^https:\/\/[^\s/]+/.test(base) || /\s/.test(base)) {
    throw new UserError(`The runbook base URL \`${base}\` is not an absolute https URL; use one such as \`https://runbooks.example.com\`.`);
  }
}

/** Builds the runbook link of an alert from the base URL. */
export function runbookUrl(base: string, alert: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(alert)}`;
}
