import type { ColumnDef, ContractDef, LogicalType, Scalar, StringFormat } from '../model/contract.js';

export type JsonSchemaDraft = '2020-12' | '07';
export type JsonSchema = { [key: string]: unknown };

const META: Record<JsonSchemaDraft, string> = {
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
  '07': 'http://json-schema.org/draft-07/schema#',
};

/** JSON Schema's names for the formats datacheck recognises (`url` is JSON Schema's `uri`). */
const FORMATS: Record<StringFormat, string> = {
  email: 'email',
  uuid: 'uuid',
  url: 'uri',
  date: 'date',
  'date-time': 'date-time',
  ipv4: 'ipv4',
};

/** The exported schema and what of the contract it could not say (printed as warnings). */
export interface ExportedSchema {
  schema: JsonSchema;
  /** Rules of the contract JSON Schema cannot express for one row; the schema is that much looser. */
  notExpressed: string[];
}

/**
 * The JSON Schema of one row of a contract, as the row reads in JSON (dates and timestamps as ISO
 * strings, binary as base64, 64-bit integers as numbers). Every column is a required property (a
 * row has every column); a nullable one may be null. Key, uniqueness, references and freshness are
 * rules over many rows: a row schema cannot hold them, so they are listed in `notExpressed`.
 * The keywords used mean the same in draft-07 and 2020-12; only `$schema` differs.
 */
export function contractJsonSchema(contract: ContractDef, draft: JsonSchemaDraft = '2020-12'): ExportedSchema {
  const notExpressed: string[] = [];
  const properties: Record<string, JsonSchema> = {};
  for (const [name, column] of Object.entries(contract.columns)) {
    properties[name] = columnSchema(name, column, notExpressed);
  }
  if (contract.primaryKey) notExpressed.push(`primaryKey [${contract.primaryKey.join(', ')}] (a rule over rows)`);
  const freshness = contract.freshness;
  if (freshness && 'file' in freshness) notExpressed.push('freshness of the source files (their modification time)');
  else if (freshness) notExpressed.push(`freshness of ${freshness.column} (a rule over rows)`);
  const schema: JsonSchema = {
    $schema: META[draft],
    title: contract.name,
    ...(contract.description !== undefined && { description: contract.description }),
    ...(contract.version !== undefined && { $comment: `datacheck contract ${contract.name} version ${contract.version}` }),
    type: 'object',
    properties,
    required: Object.keys(contract.columns),
    ...(contract.extraColumns === 'forbid' && { additionalProperties: false }),
  };
  return { schema, notExpressed };
}

function columnSchema(name: string, column: ColumnDef, notExpressed: string[]): JsonSchema {
  const schema: JsonSchema = { ...typeSchema(column.type) };
  if (column.description !== undefined) schema.description = column.description;
  if (column.oneOf) schema.enum = column.oneOf.map(jsonValue);
  if (column.format) schema.format = FORMATS[column.format];
  if (column.pattern !== undefined) {
    // JSON Schema patterns carry no flags: a flagged pattern would not mean the same.
    if (column.patternFlags)
      notExpressed.push(`${name}: pattern /${column.pattern}/${column.patternFlags} (JSON Schema patterns take no flags)`);
    else schema.pattern = column.pattern;
  }
  if (column.length?.min !== undefined) schema.minLength = column.length.min;
  if (column.length?.max !== undefined) schema.maxLength = column.length.max;
  addBounds(name, column, schema, notExpressed);
  if (column.primaryKey) notExpressed.push(`${name}: primary key (a rule over rows)`);
  else if (column.unique) notExpressed.push(`${name}: unique (a rule over rows)`);
  if (column.references) notExpressed.push(`${name}: references ${column.references} (a rule over datasets)`);
  return column.nullable ? orNull(schema) : schema;
}

/** Numeric bounds are minimum/maximum; bounds on dates, timestamps and strings have no JSON Schema keyword. */
function addBounds(name: string, column: ColumnDef, schema: JsonSchema, notExpressed: string[]): void {
  for (const [end, keyword] of [
    ['min', 'minimum'],
    ['max', 'maximum'],
  ] as const) {
    const bound = column[end];
    if (bound === undefined) continue;
    if (typeof bound === 'number' && (schema.type === 'integer' || schema.type === 'number')) schema[keyword] = bound;
    else notExpressed.push(`${name}: ${end} ${JSON.stringify(bound)} (JSON Schema compares only numbers)`);
  }
}

function typeSchema(type: LogicalType): JsonSchema {
  switch (type.type) {
    case 'bool':
      return { type: 'boolean' };
    case 'int':
      return { type: 'integer', ...intRange(type.bits, type.signed) };
    case 'float':
    case 'decimal':
      return { type: 'number' };
    case 'string':
      return { type: 'string' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'timestamp':
      // JSON Schema's date-time (RFC 3339) needs an offset; a timestamp without a zone is a local
      // date and time, written without one ("2016-09-01T00:00:00"), so it gets a pattern instead.
      return type.tz !== undefined ? { type: 'string', format: 'date-time' } : { type: 'string', pattern: LOCAL_TIMESTAMP };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64' };
    case 'list':
      return { type: 'array', items: typeSchema(type.of) };
    case 'struct':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(type.fields).map(([k, t]) => [k, typeSchema(t)])),
      };
  }
}

/** An ISO 8601 date and time, the offset optional: what a timestamp without a zone reads as in JSON. */
const LOCAL_TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$';

/** The integer type's own range; 64-bit ranges are left out: a JSON number cannot hold them exactly. */
function intRange(bits: 8 | 16 | 32 | 64, signed: boolean): JsonSchema {
  if (bits === 64) return signed ? {} : { minimum: 0 };
  return signed ? { minimum: -(2 ** (bits - 1)), maximum: 2 ** (bits - 1) - 1 } : { minimum: 0, maximum: 2 ** bits - 1 };
}

/** A nullable column: its type or null (enum lists null too, since enum is checked on its own). */
function orNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  return out;
}

function jsonValue(v: Scalar): string | number | boolean {
  return typeof v === 'bigint' ? Number(v) : v;
}
