import { z } from 'zod';

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
