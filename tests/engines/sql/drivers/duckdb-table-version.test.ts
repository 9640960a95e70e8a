import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckdbConnection } from '../../../../src/engines/sql/drivers/duckdb-connection.js';
import type { SqlRelation } from '../../../../src/engines/sql/sql-connection.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-duckdb-version-'));
const file = path.join(dir, 'warehouse.duckdb');
const orders: SqlRelation = { kind: 'table', parts: ['sales', 'orders'] };

/** Writes to the database as another program would: open, change, close (DuckDB checkpoints at close). */
async function write(...statements: string[]): Promise<void> {
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  for (const s of statements) await c.run(s);
  c.closeSync();
  db.closeSync();
}

/** The relation's version as a run reads it: through a fresh read-only connection. */
async function versionOf(relation: SqlRelation) {
  const conn = await openDuckdbConnection({ path: file });
  try {
    return await conn.version!(relation);
  } finally {
    await conn.close();
  }
}

describe('the version of a DuckDB table, from the catalog', () => {
  beforeAll(() =>
    write(
      'CREATE SCHEMA sales',
      'CREATE TABLE sales.orders AS SELECT range AS id, range * 2 AS amount FROM range(5)',
      'CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE amount > 4',
    ),
  );

  it('names the database file size and mtime and what duckdb_tables() says of the table', async () => {
    expect(await versionOf(orders)).toEqual({
      method: 'table',
      version: expect.stringMatching(/^[0-9a-f]{64}$/),
      engine: 'duckdb',
      table: 'warehouse.sales.orders',
      statistics: { file_size: expect.any(Number), file_mtime: expect.stringMatching(/^\d{4}-/), estimated_size: 5, column_count: 2 },
    });
  });

  it('is the same when read twice and changes after an INSERT', async () => {
    const first = await versionOf(orders);
    expect((await versionOf(orders))?.version).toBe(first?.version);
    await write('INSERT INTO sales.orders VALUES (5, 10)');
    const after = await versionOf(orders);
    expect(after?.statistics.estimated_size).toBe(6);
    expect(after?.version).not.toBe(first?.version);
  });

  it('resolves names as DuckDB does (case-insensitively, main by default) and has none for views and queries', async () => {
    expect((await versionOf({ kind: 'table', parts: ['warehouse', 'SALES', 'Orders'] }))?.table).toBe('warehouse.sales.orders');
    await write('CREATE OR REPLACE TABLE plain AS SELECT 1 AS x');
    expect((await versionOf({ kind: 'table', parts: ['plain'] }))?.table).toBe('warehouse.main.plain');
    expect(await versionOf({ kind: 'table', parts: ['sales', 'big_orders'] })).toBeUndefined();
    expect(await versionOf({ kind: 'query', sql: 'SELECT * FROM sales.orders' })).toBeUndefined();
  });

  it('has none on the in-memory connection that scans files', async () => {
    const conn = await openDuckdbConnection();
    try {
      expect(await conn.version!({ kind: 'files', format: 'csv', paths: [path.join(dir, 'x.csv')] })).toBeUndefined();
    } finally {
      await conn.close();
    }
  });
});
