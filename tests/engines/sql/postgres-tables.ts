import pg from 'pg';
import { computeSqlMetrics } from '../../../src/engines/sql/sql-engine.js';
import type { SqlConnection } from '../../../src/engines/sql/sql-connection.js';
import { openPostgresConnection } from '../../../src/engines/sql/drivers/postgres/pg-connection.js';
import { quoteIdent, testPostgres } from '../../support/postgres.js';
import type { ColumnType, EngineUnderTest, TestTable } from './tables.js';

// Text columns get ICU's root collation (a < B < b, as most production databases sort), not the
// test cluster's C locale: a comparison or ordering that forgot COLLATE "C" gives a wrong answer.
const PG_TYPES: Record<ColumnType, string> = {
  int: 'bigint',
  float: 'double precision',
  string: 'text COLLATE "und-x-icu"',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};
const CAST_TYPES: Record<ColumnType, string> = { ...PG_TYPES, string: 'text' };

/** A cell as PostgreSQL reads it from text: NaN/±Infinity/-0 spelled out, instants as ISO text. */
function bound(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'float') return Object.is(Number(v), -0) ? '-0' : String(Number(v));
  if (type === 'int') return String(v);
  return v;
}

/**
 * The real PostgreSQL test server as one more engine: each table is created by the fixture
 * superuser in the caller's own schema (one per test file, so files run in parallel) with one
 * multi-row INSERT of bound values, then read through datacheck's own `openPostgresConnection`
 * as the read-only role, exactly as a run reads it.
 */
export function postgresUnderTest(schema: string): EngineUnderTest & {
  connection(): Promise<SqlConnection>;
  createTable(table: TestTable, name?: string): Promise<string[]>;
  admin(): Promise<pg.Client>;
} {
  let admin: Promise<pg.Client> | undefined;
  let reader: Promise<SqlConnection> | undefined;
  let tables = 0;
  const adminClient = () =>
    (admin ??= (async () => {
      const client = new pg.Client({ connectionString: (await testPostgres()).adminUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
      return client;
    })());
  const connection = () =>
    (reader ??= (async () => {
      const { url } = await testPostgres();
      return openPostgresConnection('pg', { kind: 'postgres', urlEnv: 'PG_URL' }, { PG_URL: url });
    })());

  async function createTable(table: TestTable, name = `t${++tables}`): Promise<string[]> {
    const client = await adminClient();
    const names = Object.keys(table.columns);
    const rel = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    await client.query(`CREATE TABLE ${rel} (${names.map((n) => `${quoteIdent(n)} ${PG_TYPES[table.columns[n]]}`).join(', ')})`);
    if (table.rows.length > 0) {
      const params: unknown[] = [];
      const tuples = table.rows.map(
        (row) =>
          `(${names.map((n, i) => (params.push(bound(row[i], table.columns[n])), `$${params.length}::${CAST_TYPES[table.columns[n]]}`)).join(', ')})`,
      );
      await client.query(`INSERT INTO ${rel} VALUES ${tuples.join(', ')}`, params);
    }
    return [schema, name];
  }

  return {
    name: 'postgres',
    connection,
    createTable,
    admin: adminClient,
    async compute(table, metrics, now) {
      const parts = await createTable(table);
      return computeSqlMetrics({ connection: await connection(), relation: { kind: 'table', parts } }, metrics, now, {
        sampleColumns: Object.keys(table.columns),
      });
    },
    async close() {
      await (await reader)?.close();
      const client = await admin;
      if (client) {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
        await client.end();
      }
    },
  };
}
