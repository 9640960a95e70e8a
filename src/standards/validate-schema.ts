import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import type { Issue } from '../model/issue.js';
import { findSchemaFile } from './schema-files.js';
import { pathText, pointerToPath } from './yaml-document.js';
import type { YamlDocument } from './yaml-document.js';

const compiled = new Map<string, ValidateFunction>();

/** Compiles one official schema once per process (ajv; draft 2019-09 for ODCS, draft-07 for DCS). */
function validatorFor(schemaFile: string): ValidateFunction {
  const known = compiled.get(schemaFile);
  if (known) return known;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $schema?: string };
  // strict: false because the official schemas use keywords and formats ajv's strict mode refuses (e.g. `format: uri` unregistered).
  const options = { allErrors: true, strict: false, validateFormats: false };
  const ajv = schema.$schema?.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  const v = ajv.compile(schema);
  compiled.set(schemaFile, v);
  return v;
}

/** The errors worth showing: ajv repeats each failed `if/then` and `oneOf` branch; keep the deepest ones first. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const noise = new Set(['if', 'oneOf', 'anyOf', 'allOf']);
  const real = errors.filter((e) => !noise.has(e.keyword));
  const shown = real.length > 0 ? real : errors;
  const seen = new Set<string>();
  return shown.filter((e) => {
    const key = `${e.instancePath}|${e.message}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(e: ErrorObject): { path: (string | number)[]; expected: string; found: string } {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { path, expected: `a '${String(p.missingProperty)}' field`, found: 'none' };
  if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
    const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
    return { path: [...path, extra], expected: 'only the fields the standard defines', found: `'${extra}'` };
  }
  if (e.keyword === 'enum')
    return { path, expected: `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, found: 'another value' };
  return { path, expected: e.message ?? e.keyword, found: e.keyword };
}

/**
 * Validates a parsed document against an official schema file (`folder/file` under the schema
 * folders). Each error is an issue with its JSON path and the file's line; a missing schema is an
 * issue too, so an unvalidated contract never runs.
 */
export function validateAgainst(doc: YamlDocument, folder: string, file: string, standard: string, env?: NodeJS.ProcessEnv): Issue[] {
  const found = findSchemaFile(folder, file, env);
  if (!('file' in found)) {
    return [
      {
        code: 'standard.schema_missing',
        message: `the ${standard} JSON Schema ${file} was not found, so ${doc.file} cannot be validated`,
        location: { file: doc.file, line: 1, column: 1 },
        expected: `${file} in ${found.lookedIn.join(' or ') || 'DATACHECK_STANDARD_SCHEMAS'}`,
        found: 'no such file',
        hint: 'set DATACHECK_STANDARD_SCHEMAS to a folder with odcs/ and datacontract-spec/ holding the official schemas',
      },
    ];
  }
  const validate = validatorFor(found.file);
  if (validate(doc.value)) return [];
  return relevant(validate.errors ?? []).map((e) => {
    const { path, expected, found: what } = describe(e);
    const at = doc.locate(path);
    return {
      code: 'standard.schema_invalid' as const,
      message: `${doc.file}:${at.line}: ${pathText(path)} ${e.message ?? 'is invalid'} (${standard} schema)`,
      location: { file: doc.file, ...at },
      expected,
      found: what,
    };
  });
}
