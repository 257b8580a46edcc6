import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type JsonSchema = Record<string, unknown>;

interface Operation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const require = createRequire(import.meta.url);
// The description without dereferencing is 13 MB instead of 73 MB; the request bodies used here hold no `$ref`.
const description = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

/**
 * Validates a request body against the JSON schema GitHub's OpenAPI
 * description gives for the operation, such as `checks/create`, and returns
 * the errors. The schema is closed first: GitHub ignores unknown properties,
 * so a misspelt `start_colum` would otherwise pass unnoticed.
 */
export function requestBodyErrors(operationId: string, body: unknown): string[] {
  let validate = validators.get(operationId);
  if (validate === undefined) {
    validate = ajv.compile(closeObjects(requestSchema(operationId)));
    validators.set(operationId, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${operationId} body${error.instancePath}: ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`);
}

function requestSchema(operationId: string): JsonSchema {
  for (const methods of Object.values(description.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId !== operationId) continue;
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (schema === undefined) throw new Error(`Operation ${operationId} has no JSON request body in the OpenAPI description.`);
      return schema;
    }
  }
  throw new Error(`Operation ${operationId} is not in the OpenAPI description of api.github.com.`);
}

/** Copies a schema, rejecting unknown properties on every object that lists its properties. */
function closeObjects(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, isObject(property) ? closeObjects(property) : property]));
    } else if (key === 'items' && isObject(value)) {
      copy[key] = closeObjects(value);
    } else {
      copy[key] = value;
    }
  }
  if (copy.type === 'object' && isObject(copy.properties) && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
