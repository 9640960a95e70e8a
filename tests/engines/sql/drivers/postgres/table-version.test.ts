import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection, SqlRelation } from '../../../../../src/engines/sql/sql-connection.js';
import { adminQuery, testPostgres } from '../../../../support/postgres.js';
import { connect, freshSchema } from './pg-test-connection.js';

const SCHEMA = 'table_version_test';
const orders: SqlRelation = { kind: 'table', parts: [SCHEMA, 'orders'] };
const POLL_MS = 50;
const FLUSH_WAIT_MS = 15_000;

describe('the version of a PostgreSQL table, from the catalog', () => {
  let conn: SqlConnection;
  // A writer that stays connected, as an application would: its counters reach the shared
  // statistics asynchronously (a session that disconnects flushes them at once).
  let writer: pg.Client;
  beforeAll(async () => {
    await freshSchema(SCHEMA);
    await adminQuery(`CREATE TABLE ${SCHEMA}.orders AS SELECT g AS id FROM generate_series(1, 3) g`);
    await adminQuery(`CREATE VIEW ${SCHEMA}.orders_view AS SELECT * FROM ${SCHEMA}.orders`);
    conn = await connect();
    writer = new pg.Client({ connectionString: (await testPostgres()).adminUrl });
    await writer.connect();
  });
  afterAll(async () => {
    await conn?.close();
    await writer?.end();
  });

  /**
   * Polls until the version differs from `before`, and says after how long. Measured on
   * PostgreSQL 15: 10.0 s for this file's first INSERT (the writer had flushed under a second
   * before, at connect, so it waits for the idle flush), 7 ms for the rolled-back write 10 s
   * later, 3 ms for TRUNCATE (relfilenode is in pg_class, transactional).
   */
  async function changedFrom(before: string): Promise<{ version: string; statistics: Record<string, unknown>; ms: number }> {
    const t0 = performance.now();
    while (performance.now() - t0 < FLUSH_WAIT_MS) {
      const v = (await conn.version!(orders))!;
      if (v.version !== before) return { ...v, ms: Math.round(performance.now() - t0) };
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`the version did not change within ${FLUSH_WAIT_MS} ms`);
  }

  it('names pg_class and pg_stat_user_tables values, and is the same when read twice', async () => {
    const first = await conn.version!(orders);
    expect(first).toEqual({
      method: 'table',
      version: expect.stringMatching(/^[0-9a-f]{64}$/),
      engine: 'postgres',
      table: expect.stringMatching(new RegExp(`\\.${SCHEMA}\\.orders$`)),
      statistics: {
        relfilenode: expect.stringMatching(/^\d+$/),
        relpages: expect.any(Number),
        reltuples: expect.any(Number),
        n_tup_ins: 3,
        n_tup_upd: 0,
        n_tup_del: 0,
        n_live_tup: 3,
      },
    });
    expect((await conn.version!(orders))?.version).toBe(first?.version);
  });

  it('changes after an INSERT once the writer flushes its statistics (polled; up to 10 s after the commit)', async () => {
    const before = (await conn.version!(orders))!;
    await writer.query(`INSERT INTO ${SCHEMA}.orders VALUES (4)`);
    const after = await changedFrom(before.version);
    expect(after.statistics).toMatchObject({ n_tup_ins: 4, n_live_tup: 4, relfilenode: before.statistics.relfilenode });
    expect((await conn.version!(orders))?.version).toBe(after.version);
  });

  it('changes with a write that rolled back, and with TRUNCATE (a new relfilenode)', async () => {
    const before = (await conn.version!(orders))!;
    await writer.query('BEGIN');
    await writer.query(`INSERT INTO ${SCHEMA}.orders VALUES (5)`);
    await writer.query('ROLLBACK');
    const undone = await changedFrom(before.version);
    expect(undone.statistics).toMatchObject({ n_tup_ins: 5, n_live_tup: 4 });
    await writer.query(`TRUNCATE ${SCHEMA}.orders`);
    const truncated = await changedFrom(undone.version);
    expect(truncated.statistics.relfilenode).not.toBe(before.statistics.relfilenode);
  });

  it('has none for views and queries; a missing table is the clear relation_not_found issue', async () => {
    expect(await conn.version!({ kind: 'table', parts: [SCHEMA, 'orders_view'] })).toBeUndefined();
    expect(await conn.version!({ kind: 'query', sql: `SELECT * FROM ${SCHEMA}.orders` })).toBeUndefined();
    await expect(conn.version!({ kind: 'table', parts: [SCHEMA, 'nope'] })).rejects.toMatchObject({
      issue: { code: 'sql.relation_not_found' },
    });
  });
});
