import type { SqlQuery, SqlRelation } from '../../sql-connection.js';
import type { PhysicalColumn } from '../../../../model/metric.js';
import { DatacheckError } from '../../../../model/issue.js';
import { physicalColumnOf, type PgColumnType } from './pg-type-mapping.js';

/** Runs one catalog query in the connection's read-only transaction; fields are pg's RowDescription. */
export type CatalogRunner = (
  q: SqlQuery,
) => Promise<{ rows: Record<string, unknown>[]; fields: { name: string; dataTypeID: number; dataTypeModifier: number }[] }>;

// Domains resolve to their base type (one level), so `CREATE DOMAIN email AS text` reads as text.
const TYPE_COLUMNS = `
  bt.typname AS type_name,
  bt.typtype AS type_kind,
  CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE %TYPMOD% END AS typmod,
  format_type(t.oid, %TYPMOD%) AS formatted`;
const TYPE_JOINS = `
  JOIN pg_catalog.pg_type t ON t.oid = %OID%
  JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END`;

// pg_catalog rather than information_schema: it also lists materialized views, and it states
// columns whatever the role's column privileges (a missing privilege fails the query, clearly).
const TABLE_COLUMNS_SQL = `
SELECT a.attname AS name, ${TYPE_COLUMNS.replaceAll('%TYPMOD%', 'a.atttypmod')},
  NOT (a.attnotnull OR t.typnotnull) AS nullable
FROM pg_catalog.pg_attribute a ${TYPE_JOINS.replace('%OID%', 'a.atttypid')}
WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum`;

const RESULT_TYPES_SQL = `
SELECT f.i, ${TYPE_COLUMNS.replaceAll('%TYPMOD%', 'f.m')}
FROM unnest($1::oid[], $2::int4[]) WITH ORDINALITY AS f(o, m, i) ${TYPE_JOINS.replace('%OID%', 'f.o')}
ORDER BY f.i`;

const RELKINDS = `c.relkind IN ('r', 'p', 'v', 'm', 'f')`; // tables, partitioned, views, materialized views, foreign tables

/** The columns of a table or query from the catalog; never reads a row. */
export async function describeRelation(run: CatalogRunner, relation: SqlRelation, where: string): Promise<PhysicalColumn[]> {
  if (relation.kind === 'table') return describeTable(run, relation.parts, where);
  if (relation.kind === 'query') return describeQuery(run, relation.sql);
  throw new DatacheckError({
    code: 'sql.unsupported',
    message: `${where}: PostgreSQL cannot read ${relation.format} files; file sources are read by datacheck itself or DuckDB`,
  });
}

async function describeTable(run: CatalogRunner, parts: string[], where: string): Promise<PhysicalColumn[]> {
  const oid = await findRelation(run, parts, where);
  const { rows } = await run({ sql: TABLE_COLUMNS_SQL, params: [oid] });
  return rows.map((r) => physicalColumnOf(pgColumnType(r, String(r.name), Boolean(r.nullable))));
}

/** The relation's oid; a clear issue naming the table and connection when it does not exist. */
export async function findRelation(run: CatalogRunner, parts: string[], where: string): Promise<string> {
  const shown = parts.join('.');
  let q: SqlQuery;
  if (parts.length === 1) {
    q = {
      sql: `SELECT c.oid::text AS oid FROM pg_catalog.pg_class c WHERE c.relname = $1 AND ${RELKINDS} AND pg_catalog.pg_table_is_visible(c.oid)`,
      params: parts,
    };
  } else if (parts.length === 2 || parts.length === 3) {
    const [schema, table] = parts.slice(-2);
    q = {
      sql: `SELECT c.oid::text AS oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND ${RELKINDS} AND ($3::text IS NULL OR $3::text = current_database())`,
      params: [schema, table, parts.length === 3 ? parts[0] : null],
    };
  } else {
    throw new DatacheckError({
      code: 'sql.relation_not_found',
      message: `${where}: '${shown}' is not a table name`,
      expected: 'table, schema.table or database.schema.table',
      found: shown,
    });
  }
  const { rows } = await run(q);
  if (rows.length === 0) {
    throw new DatacheckError({
      code: 'sql.relation_not_found',
      message: `${where}: table ${shown} does not exist (or this role cannot see it)`,
      expected: `a table, view or materialized view named ${shown}`,
      found: 'nothing by that name',
      hint:
        parts.length === 1
          ? 'an unqualified name is looked up on the search_path; write schema.table'
          : 'names are case-sensitive as written in the contract',
    });
  }
  return String(rows[0].oid);
}

/** A query's result columns from a LIMIT 0 run: the planner's types, no rows produced. */
async function describeQuery(run: CatalogRunner, sql: string): Promise<PhysicalColumn[]> {
  const body = sql.trim().replace(/;\s*$/, '');
  const { fields } = await run({ sql: `SELECT * FROM (\n${body}\n) AS datacheck_describe LIMIT 0`, params: [] });
  if (fields.length === 0) return [];
  const { rows } = await run({ sql: RESULT_TYPES_SQL, params: [fields.map((f) => f.dataTypeID), fields.map((f) => f.dataTypeModifier)] });
  // Nullability is not part of a result's description: every column may be null.
  return rows.map((r) => physicalColumnOf(pgColumnType(r, fields[Number(r.i) - 1].name, true)));
}

function pgColumnType(r: Record<string, unknown>, name: string, nullable: boolean): PgColumnType {
  return {
    name,
    typeName: String(r.type_name),
    typeKind: String(r.type_kind),
    typmod: Number(r.typmod),
    formatted: String(r.formatted),
    nullable,
  };
}
