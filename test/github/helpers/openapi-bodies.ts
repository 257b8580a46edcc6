import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const require = createRequire(import.meta.url);
// The description without dereferencing is 13 MB instead of 73 MB; the request bodies used here hold no `$ref`.
const description = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter> };
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

/**
 * Validates the query string of a request against the query parameters the
 * OpenAPI description declares for the operation: every name must be
 * declared and every value must match its schema, so a misspelt `app_id`
 * fails the test instead of being ignored by GitHub.
 */
export function queryParameterErrors(operationId: string, query: URLSearchParams): string[] {
  const parameters = new Map<string, Parameter>();
  for (const parameter of findOperation(operationId).parameters ?? []) {
    const resolved = '$ref' in parameter ? description.components.parameters[parameter.$ref.split('/').at(-1)!]! : parameter;
    if (resolved.in === 'query') parameters.set(resolved.name, resolved);
  }

  const errors: string[] = [];
  for (const [name, text] of query) {
    const parameter = parameters.get(name);
    if (parameter === undefined) {
      errors.push(`${operationId} query: unknown parameter ${name}; declared: ${[...parameters.keys()].join(', ')}`);
      continue;
    }
    const schema = parameter.schema ?? {};
    let value: unknown = text;
    if (schema.type === 'integer' || schema.type === 'number') value = Number(text);
    if (schema.type === 'boolean') value = text === 'true';
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (validate === undefined) {
      validate = ajv.compile(schema);
      validators.set(key, validate);
    }
    if (!validate(value)) errors.push(`${operationId} query ${name}=${text}: ${validate.errors?.[0]?.message ?? 'invalid'}`);
  }
  return errors;
}

function findOperation(operationId: string): Operation {
  for (const methods of Object.values(description.paths)) {
    for (const operation of Object.values(methods)) {
      if (operation.operationId === operationId) return operation;
    }
  }
  throw new Error(`Operation ${operationId} is not in the OpenAPI description of api.github.com.`);
}

function requestSchema(operationId: string): JsonSchema {
  const schema = findOperation(operationId).requestBody?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`Operation ${operationId} has no JSON request body in the OpenAPI description.`);
  return schema;
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
