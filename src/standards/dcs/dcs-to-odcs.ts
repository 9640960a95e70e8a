import type { OdcsDocument, OdcsObject, OdcsProperty, OdcsQuality, OdcsServer } from '../odcs/odcs-document.js';
import type { DocPath } from '../yaml-document.js';

/** The parts of a Data Contract Specification (0.9 - 1.2) document datacheck reads. */
interface DcsField {
  type?: string;
  description?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primary?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number | string;
  maximum?: number | string;
  exclusiveMinimum?: number | string;
  exclusiveMaximum?: number | string;
  enum?: unknown[];
  precision?: number;
  scale?: number;
  classification?: string;
  pii?: boolean;
  tags?: string[];
  references?: string;
  items?: DcsField;
  fields?: Record<string, DcsField>;
  quality?: OdcsQuality[];
}
interface DcsDocument {
  dataContractSpecification: string;
  id: string;
  info?: { title?: string; version?: string; description?: string; owner?: string; status?: string };
  servers?: Record<string, Omit<OdcsServer, 'server'>>;
  models?: Record<
    string,
    { description?: string; type?: string; fields?: Record<string, DcsField>; quality?: OdcsQuality[]; primaryKey?: string[] }
  >;
}

/** DCS types onto ODCS logical and physical types (DCS names the physical width in its type). */
const TYPES: Record<string, Pick<OdcsProperty, 'logicalType' | 'physicalType'>> = {
  string: { logicalType: 'string' },
  text: { logicalType: 'string' },
  varchar: { logicalType: 'string' },
  number: { logicalType: 'number' },
  decimal: { logicalType: 'number' },
  numeric: { logicalType: 'number' },
  int: { logicalType: 'integer' },
  integer: { logicalType: 'integer' },
  long: { logicalType: 'integer', physicalType: 'bigint' },
  bigint: { logicalType: 'integer', physicalType: 'bigint' },
  float: { logicalType: 'number', physicalType: 'float' },
  double: { logicalType: 'number', physicalType: 'double' },
  boolean: { logicalType: 'boolean' },
  timestamp: { logicalType: 'timestamp' },
  timestamp_tz: { logicalType: 'timestamp' },
  timestamp_ntz: { logicalType: 'timestamp', physicalType: 'timestamp_ntz' },
  date: { logicalType: 'date' },
  bytes: { logicalType: 'string', physicalType: 'binary' },
  array: { logicalType: 'array' },
  object: { logicalType: 'object' },
  record: { logicalType: 'object' },
  struct: { logicalType: 'object' },
};

function property(name: string, f: DcsField): OdcsProperty {
  const t = f.type ? TYPES[f.type.toLowerCase()] : undefined;
  const decimal = (f.type === 'decimal' || f.type === 'numeric') && f.precision !== undefined;
  const options: Record<string, unknown> = {};
  for (const k of ['minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (f[k] !== undefined) options[k] = f[k];
  }
  const quality: OdcsQuality[] = [...(f.quality ?? [])];
  if (f.enum) quality.push({ type: 'library', metric: 'invalidValues', arguments: { validValues: f.enum }, mustBe: 0 });
  return {
    name,
    // A type datacheck has no equivalent for (map, null) is kept as written: the ODCS reader reports it.
    ...(t ?? { logicalType: f.type ? `unsupported:${f.type}` : 'string' }),
    ...(decimal && { physicalType: `decimal(${f.precision},${f.scale ?? 0})` }),
    ...(f.description !== undefined && { description: f.description }),
    ...(f.required && { required: true }),
    ...(f.unique && { unique: true }),
    ...((f.primaryKey || f.primary) && { primaryKey: true }),
    ...(Object.keys(options).length > 0 && { logicalTypeOptions: options }),
    ...((f.pii || f.classification) && { classification: f.pii ? 'pii' : f.classification }),
    ...(f.tags && { tags: f.tags }),
    ...(f.references && { relationships: [{ type: 'foreignKey', to: f.references }] }),
    ...(f.items && { items: property('item', f.items) }),
    ...(f.fields && { properties: Object.entries(f.fields).map(([n, c]) => property(n, c)) }),
    ...(quality.length > 0 && { quality }),
  };
}

/**
 * A Data Contract Specification document as the ODCS document it corresponds to (models become
 * schema objects, fields properties, servers a list), so one reader maps both onto datacheck.
 * `pathBack` turns a path in the ODCS document into the DCS path it came from, for error lines.
 */
export function dcsToOdcs(value: unknown): { odcs: OdcsDocument; pathBack: (path: DocPath) => DocPath } {
  const dcs = value as DcsDocument;
  const models = Object.entries(dcs.models ?? {});
  const schema: OdcsObject[] = models.map(([name, m]) => ({
    name,
    ...(m.type && { physicalType: m.type }),
    ...(m.description !== undefined && { description: m.description }),
    properties: Object.entries(m.fields ?? {}).map(([n, f]) => ({
      ...property(n, f),
      ...(m.primaryKey?.includes(n) && { primaryKey: true, primaryKeyPosition: m.primaryKey.indexOf(n) + 1 }),
    })),
    ...(m.quality && { quality: m.quality }),
  }));
  const odcs: OdcsDocument = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: dcs.id,
    version: dcs.info?.version ?? '0.0.0',
    status: dcs.info?.status ?? 'active',
    ...(dcs.info?.title !== undefined && { name: dcs.info.title }),
    ...(dcs.info?.description !== undefined && { description: { purpose: dcs.info.description } }),
    servers: Object.entries(dcs.servers ?? {}).map(([server, s]) => ({ server, ...s }) as OdcsServer),
    schema,
  };
  const pathBack = (path: DocPath): DocPath => {
    const [top, i, sub, j, ...rest] = path;
    if (top === 'schema' && typeof i === 'number' && models[i]) {
      const model = models[i];
      if (sub === 'properties' && typeof j === 'number') {
        const field = Object.keys(model[1].fields ?? {})[j];
        return field === undefined ? ['models', model[0]] : ['models', model[0], 'fields', field, ...rest];
      }
      return sub === undefined ? ['models', model[0]] : ['models', model[0], sub, ...(j === undefined ? [] : [j]), ...rest];
    }
    if (top === 'servers' && typeof i === 'number') return ['servers', Object.keys(dcs.servers ?? {})[i] ?? i];
    return path;
  };
  return { odcs, pathBack };
}
