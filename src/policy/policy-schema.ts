import * as z from 'zod';
import { parsePromql } from '../promql/parse.js';

/** Severities from the most to the least severe, the order messages list them in. */
export const SEVERITY_CHOICES = ['error', 'warning', 'info'] as const;

export const severitySchema = z.enum(SEVERITY_CHOICES);

/** Values of `report`: findings on changed rules only, or every finding. */
export const REPORT_SCOPES = ['changed', 'all'] as const;

/** Values of `on_error`: the check run conclusion when promgate cannot finish a review. */
export const ERROR_CONCLUSIONS = ['neutral', 'failure'] as const;

/**
 * A glob relative to the repository root. Paths are matched without a leading
 * `./` or `/`, so a glob written with one would never match anything.
 */
const globSchema = z
  .string()
  .min(1)
  .superRefine((glob, context) => {
    const prefix = /^(?:\.\/|\.\.\/|\/)+/.exec(glob)?.[0];
    if (prefix === undefined) return;
    const fixed = glob.slice(prefix.length);
    context.addIssue({
      code: 'custom',
      input: glob,
      message: `globs match paths relative to the repository root, so write ${JSON.stringify(fixed === '' ? '**' : fixed)}`,
    });
  });

/** Returns whether a service selector parses as a vector selector with at least one `=` matcher, which is all slo/coverage compares. */
function isEqualitySelector(selector: string): boolean {
  const parsed = parsePromql(selector);
  return parsed.errors.length === 0 && parsed.expr?.type === 'VectorSelector' && parsed.expr.matchers.some((matcher) => matcher.op === '=');
}

/**
 * A service the team runs: where its code lives, how its series are
 * selected, and which files hold its monitoring. `slo/coverage` and
 * `dod/monitoring` read it.
 */
export const serviceSchema = z.strictObject({
  /** Globs of the service's code, relative to the repository root. */
  paths: z.array(globSchema).optional(),
  /** The scrape job of the service; the service name when unset. */
  job: z.string().min(1).optional(),
  /** A PromQL selector that picks the service's series, such as `{service="checkout"}`, instead of `job`. */
  selector: z
    .string()
    .min(1)
    .refine(isEqualitySelector, { message: 'expected a PromQL selector with equality matchers, such as {service="checkout"}' })
    .optional(),
  /** Globs of the files that hold the service's monitoring (rules, SLO specs, dashboards). */
  monitoring: z.array(globSchema).optional(),
});

/** Periods an SLO may use: Prometheus keeps 30 days of data by default, and 28 days covers four whole weeks. */
export const SLO_PERIOD_CHOICES = ['28d', '30d'] as const;

/** Settings for SLO rules generated from specs, shared by the generator and the checks that compare its output. */
export const sloPolicySchema = z.strictObject({
  /** The period of SLOs whose spec sets none. */
  period: z.enum(SLO_PERIOD_CHOICES),
  page_severity: z.string().min(1),
  ticket_severity: z.string().min(1),
  page_for: z.string().min(1),
  ticket_for: z.string().min(1),
  /** Alerts whose spec gives no `runbook_url` get `<runbook_base_url>/<alert name>`. */
  runbook_base_url: z.string().refine((url) => /^https:\/\/[^\s/]+\S*$/.test(url), { message: 'expected an absolute https URL such as "https://runbooks.example.com"' }),
});

/**
 * The merged policy, before each check's settings are read. `checks` values
 * are validated one by one against each check's own options schema.
 */
export const policyFileSchema = z.strictObject({
  fail_on: severitySchema,
  include: z.array(globSchema).min(1),
  exclude: z.array(globSchema),
  // Optional so that callers passing their own `defaults` without these keys keep working;
  // rules/default.yml sets all three.
  report: z.enum(REPORT_SCOPES).optional(),
  on_error: z.enum(ERROR_CONCLUSIONS).optional(),
  max_file_bytes: z.number().int().positive().optional(),
  slo: sloPolicySchema.optional(),
  services: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'service names use lower-case letters, digits, `_` and `-`'), serviceSchema).optional(),
  checks: z.record(z.string(), z.unknown()),
});

/** The keys every check block has beside the check's own options. */
export const checkSwitchSchema = z.object({
  enabled: z.boolean(),
  severity: severitySchema,
});

/** Every top-level key a repository's policy may set. */
export const POLICY_KEYS = ['extends', ...Object.keys(policyFileSchema.shape)];

export const CHECK_SWITCH_KEYS = Object.keys(checkSwitchSchema.shape);
