import type { CheckDef } from '../../model/check.js';
import type { ColumnDef, ContractDef, SourceDef, StringFormat } from '../../model/contract.js';
import type { SqlRuleParams } from '../../checks/kinds/sql-rule.js';
import type { ViolationsParams } from '../../checks/kinds/violations.js';
import { propertyTypeOf } from './logical-types.js';
import type { OdcsDocument, OdcsObject, OdcsProperty, OdcsQuality, OdcsServer } from './odcs-document.js';
import { CUSTOM } from './odcs-document.js';
import { operatorOf, qualityOfViolations } from './quality-rules.js';

/** What the export needs to know about the contract's connection (never its credentials). */
export interface ExportConnection {
  kind: 'duckdb' | 'postgres';
  /** DuckDB database file. */
  path?: string;
  /** PostgreSQL host, port and database, read from the connection URL (user and password left out). */
  host?: string;
  port?: number;
  database?: string;
}

export interface OdcsExport {
  document: OdcsDocument;
  /** What the standard cannot express, each said in words; the rest is exported. */
  dropped: string[];
}

const ODCS_FORMAT: Record<StringFormat, string> = {
  email: 'email',
  uuid: 'uuid',
  url: 'uri',
  ipv4: 'ipv4',
  date: 'date',
  'date-time': 'date-time',
};
const FILE_FORMAT: Record<string, string> = { csv: 'csv', tsv: 'csv', json: 'json', ndjson: 'json', parquet: 'parquet' };

function server(source: SourceDef | undefined, connection: ExportConnection | undefined, dropped: string[]): OdcsServer[] {
  if (!source) return [];
  if ('file' in source) {
    const files = Array.isArray(source.file) ? source.file : [source.file];
    if (files.length > 1) dropped.push(`source files after the first (${files.slice(1).join(', ')}): an ODCS local server has one path`);
    const format = source.format ?? /\.(csv|tsv|json|ndjson|jsonl|parquet)(\.gz)?$/i.exec(files[0])?.[1]?.toLowerCase() ?? 'csv';
    const fmt = FILE_FORMAT[format === 'jsonl' ? 'ndjson' : format];
    if (!fmt) {
      dropped.push(`the ${format} source format (ODCS local servers name csv, json, parquet)`);
      return [];
    }
    return [
      {
        server: 'local',
        type: 'local',
        path: files[0],
        // ODCS 3.1 local servers have no delimiter field; the format is free text, so NDJSON says so.
        format: format === 'ndjson' || format === 'jsonl' ? 'ndjson' : fmt,
      },
    ];
  }
  if ('table' in source) {
    const [schema, table] = source.table.includes('.') ? source.table.split('.', 2) : [undefined, source.table];
    if (connection?.kind === 'duckdb' && connection.path) {
      return [
        { server: source.connection, type: 'duckdb', database: connection.path, ...(schema && { schema }), description: `table ${table}` },
      ];
    }
    if (connection?.kind === 'postgres' && connection.host && connection.database) {
      return [
        {
          server: source.connection,
          type: 'postgres',
          host: connection.host,
          port: connection.port ?? 5432,
          database: connection.database,
          schema: schema ?? 'public',
        },
      ];
    }
    dropped.push(`the connection '${source.connection}' (its URL was not available to read host and database from)`);
    return [];
  }
  dropped.push('a query or dbt source (ODCS servers name files and tables)');
  return [];
}

function property(name: string, c: ColumnDef, keyPosition: number | undefined, dropped: string[]): OdcsProperty {
  const options: Record<string, unknown> = {};
  const custom: { property: string; value: unknown }[] = [];
  const t = c.type.type;
  const ordered = t === 'int' || t === 'float' || t === 'decimal' || t === 'date' || t === 'timestamp';
  if (c.min !== undefined || c.max !== undefined) {
    if (ordered) {
      if (c.min !== undefined) options.minimum = c.min;
      if (c.max !== undefined) options.maximum = c.max;
    } else dropped.push(`${name}: bounds on a ${t} column (ODCS has bounds for numbers and dates only)`);
  }
  if (c.length?.min !== undefined) options.minLength = c.length.min;
  if (c.length?.max !== undefined) options.maxLength = c.length.max;
  if (c.pattern !== undefined) options.pattern = c.pattern;
  if (c.patternFlags) custom.push({ property: CUSTOM.patternFlags, value: c.patternFlags });
  if (c.format) options.format = ODCS_FORMAT[c.format];
  const quality: OdcsQuality[] = [];
  if (c.oneOf) quality.push({ type: 'library', metric: 'invalidValues', arguments: { validValues: c.oneOf.map(plain) }, mustBe: 0 });
  return {
    name,
    ...propertyTypeOf(c.type),
    ...(c.description !== undefined && { description: c.description }),
    ...((!c.nullable || keyPosition !== undefined || c.primaryKey) && { required: true }),
    ...(c.unique && { unique: true }),
    ...((c.primaryKey || keyPosition !== undefined) && { primaryKey: true }),
    ...(keyPosition !== undefined && { primaryKeyPosition: keyPosition }),
    ...(Object.keys(options).length > 0 && { logicalTypeOptions: options }),
    ...(c.pii && { classification: 'pii' }),
    ...(c.tags && { tags: c.tags }),
    ...(c.references && { relationships: [{ type: 'foreignKey', to: c.references }] }),
    ...(custom.length > 0 && { customProperties: custom }),
    ...(quality.length > 0 && { quality }),
  };
}

const plain = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

/** A suite check as an ODCS rule, on its property or on the object, or why it cannot be one. */
function rule(check: CheckDef, props: Map<string, OdcsProperty>): { on: 'object' | OdcsProperty; quality: OdcsQuality } | string {
  const what = `${check.dataset}: ${check.title ?? check.kind}`;
  const meta: Partial<OdcsQuality> = {
    ...(check.title !== undefined && { description: check.title }),
    ...(check.severity === 'warn' && { severity: 'warning' }),
  };
  if (check.where) return `${what}: a check with a filter (where ${check.where})`;
  if (check.kind === 'row_count') {
    const p = check.params as { bound: CheckDef['params'] & { min: number | null; max: number | null; strict?: boolean } };
    return { on: 'object', quality: { type: 'library', metric: 'rowCount', ...operatorOf(p.bound), ...meta } };
  }
  if (check.kind === 'sql_rule') {
    const p = check.params as unknown as SqlRuleParams;
    return { on: 'object', quality: { type: 'sql', query: p.query, ...operatorOf(p.bound, p.outside), ...meta } };
  }
  if (check.kind === 'violations') {
    const p = check.params as unknown as ViolationsParams;
    // A one-column duplicates rule sits on its property, as ODCS writes it; a compound one on the object.
    const single = p.violation.rule === 'duplicate' && p.violation.columns.length === 1 ? p.violation.columns[0] : undefined;
    const onObject = p.violation.rule === 'duplicate' && single === undefined;
    const prop = onObject ? 'object' : props.get(single ?? check.column ?? '');
    if (prop === undefined) return `${what}: a rule on '${single ?? check.column}', which the contract does not declare`;
    return { on: prop, quality: { ...qualityOfViolations(p, onObject), ...meta } };
  }
  return `${what}: a ${check.kind} check (ODCS rules are SQL and the library's nullValues, missingValues, invalidValues, duplicateValues, rowCount)`;
}

/**
 * A datacheck contract (and the suite checks over it) as an ODCS v3.1.0 document: the columns
 * become properties, the promises their options and rules, suite checks quality rules where ODCS
 * has one (row counts and the library metrics); the rest is listed in `dropped`.
 */
export function contractToOdcs(contract: ContractDef, checks: CheckDef[], connection?: ExportConnection): OdcsExport {
  const dropped: string[] = [];
  const key = contract.primaryKey ?? [];
  const props = new Map(
    Object.entries(contract.columns).map(([name, c]) => {
      const pos = key.indexOf(name);
      return [name, property(name, c, pos >= 0 ? pos + 1 : undefined, dropped)] as const;
    }),
  );
  const objectQuality: OdcsQuality[] = [];
  for (const check of checks) {
    // Exclusive bounds read from ODCS come back as their options.
    if (check.kind === 'range' && check.column && props.has(check.column)) {
      const p = check.params as { min: number | string | null; max: number | string | null; strict?: boolean };
      if (p.strict && (p.min === null) !== (p.max === null) && check.severity === 'error' && !check.where) {
        const prop = props.get(check.column)!;
        prop.logicalTypeOptions = {
          ...prop.logicalTypeOptions,
          ...(p.min !== null ? { exclusiveMinimum: p.min } : { exclusiveMaximum: p.max }),
        };
        continue;
      }
    }
    const r = rule(check, props);
    if (typeof r === 'string') dropped.push(r);
    else if (r.on === 'object') objectQuality.push(r.quality);
    else r.on.quality = [...(r.on.quality ?? []), r.quality];
  }
  const object: OdcsObject = {
    name: contract.name,
    physicalType: 'table',
    ...(contract.description !== undefined && { description: contract.description }),
    ...(contract.tags && { tags: contract.tags }),
    properties: [...props.values()],
    ...(objectQuality.length > 0 && { quality: objectQuality }),
    ...(contract.extraColumns === 'forbid' && { customProperties: [{ property: CUSTOM.extraColumns, value: 'forbid' }] }),
  };
  const source = contract.source;
  if (source && 'data' in source) dropped.push('an in-memory source (ODCS servers name files and tables)');
  const servers = server(source && !('data' in source) ? source : undefined, connection, dropped);
  const freshness = contract.freshness;
  // ODCS's freshness service level names a property (a column); a file's modification time has none.
  if (freshness && 'file' in freshness) dropped.push("freshness { file: true } (ODCS's freshness names a column)");
  const column = freshness && !('file' in freshness) ? freshness.column : undefined;
  const within = column !== undefined && /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(freshness!.within);
  const document: OdcsDocument = {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: contract.name,
    name: contract.name,
    version: contract.version ?? '0.0.0',
    status: 'active',
    ...(contract.description !== undefined && { description: { purpose: contract.description } }),
    ...(servers.length > 0 && { servers }),
    schema: [object],
    ...(within && {
      slaProperties: [{ property: 'freshness', value: Number(within[1]), unit: within[2], element: `${contract.name}.${column}` }],
    }),
    ...(contract.owner !== undefined && { customProperties: [{ property: 'owner', value: contract.owner }] }),
  };
  return { document, dropped };
}
