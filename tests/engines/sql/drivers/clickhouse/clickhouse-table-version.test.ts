import { afterAll, describe, expect, it } from 'vitest';
import { clickhouseAdmin } from '../../../../support/clickhouse-server.js';
import { clickhouseUnderTest } from '../../clickhouse-tables.js';

/**
 * A ClickHouse table's version from system.parts (never a scan), on the real cluster: the same
 * while nothing is written, new after an INSERT (even within the same second) and after a
 * mutation; a Distributed table has none (its parts are on the shards).
 */
const ch = clickhouseUnderTest('versions');
afterAll(() => ch.close?.());

describe('table versions of ClickHouse tables', () => {
  it('changes on every write to a MergeTree table and stays while nothing is written', async () => {
    const cluster = await ch.cluster();
    const conn = await ch.connection();
    const parts = await ch.createTable({ columns: { id: 'int' }, rows: [[1], [2]] }, 'events');
    const local = { kind: 'table' as const, parts: ['versions', 'events_local'] };
    const first = await conn.version?.(local);
    expect(first).toMatchObject({ method: 'table', engine: 'clickhouse', table: 'versions.events_local' });
    expect(first?.statistics).toMatchObject({ engine: 'MergeTree', rows: 1 });
    expect(await conn.version?.(local)).toEqual(first);

    await clickhouseAdmin(cluster.shards[0], 'INSERT INTO versions.events_local VALUES (3)');
    const second = await conn.version?.(local);
    expect(second?.version).not.toBe(first?.version);
    expect(second?.statistics).toMatchObject({ rows: 2 });

    await clickhouseAdmin(cluster.shards[0], 'ALTER TABLE versions.events_local DELETE WHERE id = 3');
    // A mutation runs in the background: wait for it on the server's own record, not a timer.
    for (let i = 0; i < 100; i++) {
      const left = await clickhouseAdmin(
        cluster.shards[0],
        "SELECT count() FROM system.mutations WHERE table = 'events_local' AND is_done = 0",
      );
      if (left.trim() === '0') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const third = await conn.version?.(local);
    expect(third?.version).not.toBe(second?.version);

    // The Distributed table over the shards has no version the reader could read.
    expect(await conn.version?.({ kind: 'table', parts })).toBeUndefined();
    expect(await conn.version?.({ kind: 'query', sql: 'SELECT 1' })).toBeUndefined();
  });
});
