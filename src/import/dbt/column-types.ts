import type { LogicalType } from '../../model/contract.js';
import { columnTypeSource } from '../../dsl/type-source.js';

/** The `col.*()` builder for a logical type the warehouse reports; undefined for nested types (not imported). */
export function builderOf(t: LogicalType): string | undefined {
  return t.type === 'list' || t.type === 'struct' ? undefined : columnTypeSource(t);
}

const SQL_TYPES: [RegExp, string][] = [
  [/^(int|integer|int4|int32)$/, 'col.int32()'],
  [/^(bigint|int8|int64|long)$/, 'col.int64()'],
  [/^(smallint|int2|int16)$/, 'col.int16()'],
  [/^(tinyint|int1)$/, 'col.int8()'],
  [/^(text|string|varchar|nvarchar|char|character|character varying|bpchar)(\s*\(\s*\d+\s*\))?$/, 'col.string()'],
  [/^(bool|boolean)$/, 'col.bool()'],
  [/^date$/, 'col.date()'],
  [/^(timestamp|datetime|timestamp_ntz|timestamp without time zone)$/, "col.timestamp('us')"],
  [/^(timestamptz|timestamp_tz|timestamp with time zone)$/, "col.timestamp('us', 'UTC')"],
  [/^(double|double precision|float8|float64|float)$/, 'col.float64()'],
  [/^(real|float4|float32)$/, 'col.float32()'],
];

/**
 * The builder for a dbt `data_type` (a model contract's column type, in the warehouse's SQL).
 * Undefined for what cannot be read as plain SQL (Jinja, bare `numeric`, nested types): the
 * importer then takes the type the warehouse reports, or lists the column as untyped.
 */
export function builderOfSqlType(dataType: string): string | undefined {
  const t = dataType.trim().toLowerCase();
  if (t.includes('{{')) return undefined;
  const dec = /^(numeric|decimal|number)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(t);
  if (dec) return `col.decimal(${dec[2]}, ${dec[3] ?? 0})`;
  return SQL_TYPES.find(([re]) => re.test(t))?.[1];
}
