import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as z from 'zod';
import { InternalError } from '../errors.js';

export const SERVICE_TYPES = ['api', 'worker', 'database', 'node', 'kubernetes'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const DATABASE_EXPORTERS = ['postgres', 'mysql', 'redis'] as const;
export type DatabaseExporter = (typeof DATABASE_EXPORTERS)[number];

// Both src/slo/ and dist/slo/ sit two levels below the package root.
const TEMPLATES_DIRECTORY = new URL('../../rules/templates/', import.meta.url);

const stringMap = z.record(z.string(), z.string());

const templateRuleSchema = z.union([
  z.object({ record: z.string().min(1), expr: z.string().min(1), labels: stringMap.optional() }).strict(),
  z
    .object({
      alert: z.string().min(1),
      expr: z.string().min(1),
      for: z.string().min(1),
      labels: stringMap,
      annotations: stringMap,
    })
    .strict(),
]);

const templateGroupsSchema = z.array(z.object({ name: z.string().min(1), rules: z.array(templateRuleSchema).min(1) }).strict()).min(1);

const serviceTemplateSchema = z.union([
  z.object({ groups: templateGroupsSchema }).strict(),
  z.object({ exporters: z.record(z.string(), z.object({ groups: templateGroupsSchema }).strict()) }).strict(),
]);

export type TemplateRule = z.infer<typeof templateRuleSchema>;
export type TemplateGroup = z.infer<typeof templateGroupsSchema>[number];
export type ServiceTemplate = z.infer<typeof serviceTemplateSchema>;

/** Returns the path of a shipped template relative to the package root, for generated headers. */
export function templatePath(type: ServiceType): string {
  return `rules/templates/${type}.yml`;
}

/** Reads and checks the shipped template of a service type. A broken template is a promgate bug. */
export function readServiceTemplate(type: ServiceType): ServiceTemplate {
  const url = new URL(`${type}.yml`, TEMPLATES_DIRECTORY);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (error) {
    throw new InternalError(`failed to read the rule template ${fileURLToPath(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parseServiceTemplate(text, fileURLToPath(url));
}

export function parseServiceTemplate(text: string, path: string): ServiceTemplate {
  const result = serviceTemplateSchema.safeParse(parse(text));
  if (!result.success) {
    throw new InternalError(`failed to read the rule template ${path}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return result.data;
}
