import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

let validator: ValidateFunction | undefined;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON schema that
 * @microsoft/jest-sarif ships (JSON Schema draft-04), compiled with ajv's
 * draft-07 default. Returns one line per schema error, empty when valid.
 */
export function validateSarifSchema(log: unknown): string[] {
  if (validator === undefined) {
    const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    // draft-04 names the schema's own URI `id`; the document is otherwise valid draft-07.
    delete schema.$schema;
    delete schema.id;
    // The schema has a language-tag pattern that is invalid under the `u` flag ajv uses by default.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    // ajv-formats is CommonJS; under NodeNext its default export arrives as `.default`.
    const addFormats = (formatsPlugin as unknown as { default: (instance: Ajv) => void }).default;
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  const validate = validator;
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
