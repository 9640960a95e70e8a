import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DatacheckError } from '../model/issue.js';
import { historyRows } from './history-rows.js';
import { createTable, insertStatements, readRecent } from './history-sql.js';
import { readStore } from './read-store.js';
import type { HistorySql } from './history-sql.js';
import type { HistoryStore } from './history-store.js';
import { recentRow } from './history-store.js';

const SQL: HistorySql = { table: 'results', epochMs: (c) => `epoch_ms(${c})` };

/**
 * How long a run waits for another run that holds the file. DuckDB lets one process open a file
 * for writing; runs hold it only to read or append (milliseconds), so waiting is the right answer.
 */
const LOCK_WAIT_MS = 30_000;

/**
 * The default history store: a DuckDB file (`.datacheck/history.duckdb`), created with its folder
 * on first use. Opened per read or append and closed at once, so two runs at once take turns.
 */
export function duckdbHistoryStore(file: string, shown: string): HistoryStore {
  const withConnection = async <T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> => {
    mkdirSync(path.dirname(file), { recursive: true });
    const instance = await openWaiting(file, shown);
    const conn = await instance.connect();
    try {
      await conn.run(createTable(SQL));
      return await work(conn);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  };
  return {
    describe: shown,
    // Reading never creates the file: only a run's append does.
    read: (needs, datasets) =>
      (needs.length === 0 && datasets.length === 0) || !existsSync(file)
        ? Promise.resolve({ points: {}, trends: {} })
        : withConnection((conn) =>
            readStore(
              async (sql, params) => (await conn.runAndReadAll(sql, params as DuckDBValue[])).getRowObjectsJS(),
              SQL,
              needs,
              datasets,
            ),
          ),
    append: (run) =>
      withConnection(async (conn) => {
        const rows = historyRows(run);
        await conn.run('BEGIN TRANSACTION');
        try {
          for (const s of insertStatements(SQL, rows)) await conn.run(s.sql, s.params as DuckDBValue[]);
          await conn.run('COMMIT');
        } catch (e) {
          await conn.run('ROLLBACK');
          throw e;
        }
        return rows.length;
      }),
    recent: async (query) =>
      !existsSync(file)
        ? []
        : withConnection(async (conn) => {
            const q = readRecent(SQL, query);
            const rows = (await conn.runAndReadAll(q.sql, q.params as DuckDBValue[])).getRowObjectsJS();
            return rows.map(recentRow);
          }),
  };
}

/** Opens the file, waiting with backoff while another process holds its lock. */
async function openWaiting(file: string, shown: string): Promise<DuckDBInstance> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = 20; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await DuckDBInstance.create(file);
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      if (!/lock/i.test(message) || Date.now() + delay > deadline) {
        throw new DatacheckError({
          code: 'history.unavailable',
          message: `the metric history ${shown} cannot be opened: ${message.split('\n')[0]}`,
          expected: 'a DuckDB file datacheck can open for writing',
          found: /lock/i.test(message) ? `still locked by another process after ${LOCK_WAIT_MS / 1000} s` : message.split('\n')[0],
          hint: 'run again, turn the history off with --no-history, or set history.path in the config',
        });
      }
      await sleep(delay + Math.random() * delay);
    }
  }
}
