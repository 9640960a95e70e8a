import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openDuckdbConnection } from '../../../../src/engines/sql/drivers/duckdb-connection.js';
import type { SqlConnection } from '../../../../src/engines/sql/sql-connection.js';
import { adminQuery } from '../../../support/postgres.js';
import { connect, issueOf } from './postgres/pg-test-connection.js';

// SqlConnection.cancel(), what a stopped run (Ctrl-C, SIGTERM) calls on every open connection:
// the statement running now stops on the engine, and no new one is sent. Both reject with
// run.interrupted, whatever the engine's own error was.

async function cancelWhileRunning(conn: SqlConnection, sql: string, started: () => Promise<boolean>) {
  const running = issueOf(conn.query({ sql, params: [] }));
  const end = Date.now() + 20_000;
  while (!(await started())) {
    if (Date.now() > end) throw new Error('the query never started');
    await sleep(50);
  }
  const cancelled = await conn.cancel();
  return { cancelled, issue: await running };
}

describe('cancelling the running queries of a connection', () => {
  it('DuckDB: interrupts the statement, then refuses new ones', async () => {
    const conn = await openDuckdbConnection();
    try {
      let sent = false;
      const { cancelled, issue } = await cancelWhileRunning(
        conn,
        // Minutes of work: only an interrupt ends it within the test's time.
        'SELECT count(*) FROM range(1000000000000) a WHERE a.range % 7 = 3',
        async () => {
          const was = sent;
          sent = true;
          return was;
        },
      );
      expect(cancelled).toBe(1);
      expect(issue).toMatchObject({ code: 'run.interrupted' });
      expect(await issueOf(conn.query({ sql: 'SELECT 1', params: [] }))).toMatchObject({ code: 'run.interrupted' });
      expect(await conn.cancel()).toBe(0);
    } finally {
      await conn.close();
    }
  });

  it('PostgreSQL: cancels the statement on the server (pg_cancel_backend), then refuses new ones', async () => {
    const conn = await connect();
    const marker = `cancel_test_${process.pid}`;
    const onServer = async () => {
      const { rows } = await adminQuery(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
        [`%${marker}%`],
      );
      return (rows[0].n as number) > 0;
    };
    try {
      const { cancelled, issue } = await cancelWhileRunning(conn, `SELECT pg_sleep(60)::text AS ${marker}`, onServer);
      expect(cancelled).toBe(1);
      expect(issue).toMatchObject({ code: 'run.interrupted' });
      expect(issue.message).toContain("connection 'warehouse'");
      expect(await onServer()).toBe(false);
      expect(await issueOf(conn.query({ sql: 'SELECT 1', params: [] }))).toMatchObject({ code: 'run.interrupted' });
    } finally {
      await conn.close();
    }
  });
});
