import type pg from 'pg';
import { resolvePostgresTarget } from '../engines/sql/drivers/postgres/connection-target.js';
import { pgError } from '../engines/sql/drivers/postgres/pg-errors.js';
import type { PgErrorContext } from '../engines/sql/drivers/postgres/pg-errors.js';
import { poolSettings } from '../engines/sql/drivers/postgres/pg-pool-config.js';
import type { ConnectionDef } from '../model/config.js';
import { historyRows } from './history-rows.js';
import { createTable, insertStatements, quoteIdent, readRecent } from './history-sql.js';
import { readStore } from './read-store.js';
import type { HistorySql } from './history-sql.js';
import type { HistoryStore } from './history-store.js';
import { recentRow } from './history-store.js';

/**
 * The shared history store: a schema in PostgreSQL (named in the config), for teams whose CI
 * machines share one history. The schema and its table are created on first use, under an
 * advisory lock so two first runs do not race on CREATE. This is the one place datacheck writes to
 * a database, and only to the schema the config names for it. Errors never show the URL.
 */
export function postgresHistoryStore(connection: string, def: ConnectionDef, schema: string, env: NodeJS.ProcessEnv): HistoryStore {
  const sql: HistorySql = {
    table: `${quoteIdent(schema)}.${quoteIdent('results')}`,
    epochMs: (c) => `CAST(extract(epoch FROM ${c}) * 1000 AS BIGINT)`,
  };
  const shown = `in PostgreSQL schema ${schema} (connection '${connection}')`;
  const withClient = async <T>(work: (client: pg.Client, ctx: PgErrorContext) => Promise<T>): Promise<T> => {
    const target = resolvePostgresTarget(connection, def, env);
    const { config, statementTimeoutMs } = poolSettings(connection, def, target);
    const ctx: PgErrorContext = { where: `the metric history ${shown}`, redact: target.redact, statementTimeoutMs };
    // pg loads when a history on PostgreSQL is used, not with every run (the default store is DuckDB's).
    const { default: driver } = await import('pg');
    const client = new driver.Client(config);
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      throw pgError(e, 'connect', ctx);
    }
    try {
      await client.query(`SET statement_timeout = ${statementTimeoutMs}`);
      await client.query('BEGIN');
      // hashtext of the schema name: one lock per history schema, released at COMMIT.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [schema]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(createTable(sql));
      const result = await work(client, ctx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw pgError(e, 'query', ctx);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  return {
    describe: shown,
    read: (needs, datasets) =>
      needs.length === 0 && datasets.length === 0
        ? Promise.resolve({ points: {}, trends: {} })
        : withClient((client) => readStore(async (text, params) => (await client.query(text, params)).rows, sql, needs, datasets)),
    append: (run) =>
      withClient(async (client) => {
        const rows = historyRows(run);
        for (const s of insertStatements(sql, rows)) await client.query(s.sql, s.params);
        return rows.length;
      }),
    recent: (query) =>
      withClient(async (client) => {
        const q = readRecent(sql, query);
        return (await client.query(q.sql, q.params)).rows.map(recentRow);
      }),
  };
}
