import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';

/**
 * The INDIGO project schema as the test fixture holds it (copied verbatim from the standard at
 * the commit its `$comment` names), a draft-07 validator for it, and the check ajv cannot make
 * on the standard's own terms: that every key a record carries is one the copied definitions
 * define (the standard does not forbid other keys, and its definitions must stay as copied).
 */

/** The fixture's path: `project-schema-<first 7 of the commit>.json`. */
export const INDIGO_SCHEMA_FIXTURE = new URL('../fixtures/indigo/project-schema-3bcd5bc.json', import.meta.url);

type Schema = {
  $comment?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  definitions?: Record<string, Schema>;
};

/** The fixture, parsed. */
export function indigoProjectSchema(): Schema & { $comment: string; definitions: Record<string, Schema> } {
  return JSON.parse(readFileSync(INDIGO_SCHEMA_FIXTURE, 'utf8'));
}

/** The standard's own annotation keywords (codelists, references, form hints): known to ajv, checked by nothing. */
const INDIGO_KEYWORDS = [
  'priority',
  'codelist',
  'codelistDescription',
  'patternHint',
  'references-model',
  'references-models-seperator',
  'references-data-key',
  'references-data-list',
  'references-datas-seperator',
];

/** Validates a record against the fixture with ajv (draft-07, strict: an unknown keyword in the schema would throw). */
export function validateIndigoProject(record: unknown): { ok: boolean; errors: ErrorObject[] } {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(INDIGO_KEYWORDS);
  const validate = ajv.compile(indigoProjectSchema());
  const ok = validate(record);
  return { ok, errors: validate.errors ?? [] };
}

/**
 * The paths of every key in `record` that the fixture does not define (following `$ref`,
 * `properties` and array `items`): a record must carry only properties whose definitions were copied.
 */
export function undefinedIndigoKeys(record: unknown): string[] {
  const root = indigoProjectSchema();
  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? root.definitions[name] : undefined;
    if (!target) throw new Error(`the fixture has no definition for ${schema.$ref}`);
    return {
      ...resolve(target),
      ...schema,
      $ref: undefined,
      properties: { ...resolve(target).properties, ...schema.properties },
    };
  };
  const missing: string[] = [];
  const walk = (value: unknown, schema: Schema, path: string) => {
    const resolved = resolve(schema);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (resolved.items) walk(item, resolved.items, `${path}[${index}]`);
        else missing.push(`${path}[${index}]`);
      });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const childSchema = resolved.properties?.[key];
      if (childSchema) walk(child, childSchema, path ? `${path}.${key}` : key);
      else missing.push(path ? `${path}.${key}` : key);
    }
  };
  walk(record, root, '');
  return missing;
}
