import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOUBLE, DuckDBInstance } from '@duckdb/node-api';
import { DatacheckError } from '../../../model/issue.js';
import type { PhysicalColumn } from '../../../model/metric.js';
import type { DatasetLocation } from '../../../model/result.js';
import { duckdbDialect } from '../dialects/duckdb.js';
import { renderSelect } from '../render.js';
import type { SqlConnection, SqlQuery, SqlRelation } from '../sql-connection.js';
import { interruptedError } from '../interrupted.js';
import { duckdbError } from './duckdb-errors.js';
import { normalizeDuckdbValue, physicalColumn } from './duckdb-values.js';

export interface DuckdbOptions {
  /** A database file, opened READ_ONLY; absent: an in-memory database (for scanning files). */
  path?: string;
  /** Per-statement time limit (default 10 minutes); DuckDB has no setting, so the query is interrupted. */
  timeoutMs?: number;
  /** Worker threads (default: DuckDB's own, the machine's cores). */
  threads?: number;
  /**
   * Memory DuckDB may use before it spills to a private temp directory (created here, removed at
   * close); default: DuckDB's own (80% of the machine). A run passes the config's `memory`.
   */
  memoryLimitBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * SqlConnection over embedded DuckDB. A database file is opened READ_ONLY, so no statement can
 * change it; the in-memory instance used for file scans holds no data of its own, and every
 * statement datacheck sends is a SELECT it compiled (a user's query is only ever a subquery).
 */
export async function openDuckdbConnection(options: DuckdbOptions = {}): Promise<SqlConnection> {
  const file = options.path ? path.resolve(options.path) : undefined;
  const config: Record<string, string> = {};
  if (file) config.access_mode = 'READ_ONLY';
  if (options.threads) config.threads = String(options.threads);
  // Spilling goes to a folder of our own: DuckDB's default for an in-memory database is `.tmp`
  // in the working directory, which would write into the user's project.
  const spill = options.memoryLimitBytes ? mkdtempSync(path.join(os.tmpdir(), 'datacheck-duckdb-')) : undefined;
  if (options.memoryLimitBytes && spill) {
    config.memory_limit = `${Math.floor(options.memoryLimitBytes / 2 ** 20)}MiB`;
    config.temp_directory = spill;
  }
  const removeSpill = () => spill && rmSync(spill, { recursive: true, force: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file ?? ':memory:', config);
  } catch (e) {
    removeSpill();
    throw e;
  }
  const conn = await instance.connect();
  // Text without a zone is UTC in datacheck; DuckDB would read it in the machine's zone.
  await conn.run("SET TimeZone = 'UTC'");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const namespace = file ? `duckdb://${file}` : 'duckdb://memory';
  // The catalog a file opens as (its file name without extension): lineage names are database.schema.table.
  const database = String((await conn.runAndReadAll('SELECT current_database()')).getRows()[0]?.[0] ?? 'memory');

  // One DuckDB connection runs one statement at a time; `interrupt()` stops the one running.
  let running = 0;
  let interrupted = false;

  async function run(q: SqlQuery): Promise<{ names: string[]; types: string[]; rows: unknown[][] }> {
    if (interrupted) throw interruptedError(namespace);
    running++;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      conn.interrupt();
    }, timeoutMs);
    try {
      // Every JS number binds as DOUBLE: inferred, an integral double such as 1e300 would bind as
      // BIGINT and fail ("bigint out of int64 range"). The compiler casts numbers to double anyway.
      const types = q.params.map((v) => (typeof v === 'number' ? DOUBLE : undefined));
      const reader = await conn.runAndReadAll(q.sql, q.params as never, types as never);
      return { names: reader.columnNames(), types: reader.columnTypes().map((t) => t.toString()), rows: reader.getRows() };
    } catch (e) {
      if (interrupted) throw interruptedError(namespace);
      if (timedOut)
        throw new DatacheckError({
          code: 'sql.timeout',
          message: `the query ran longer than the statement timeout (${timeoutMs} ms) and was interrupted`,
        });
      // DuckDB's text can quote row data (a CSV line, a value that did not convert): rewritten, never passed on.
      throw duckdbError(e, q.params);
    } finally {
      running--;
      clearTimeout(timer);
    }
  }

  return {
    dialect: 'duckdb',
    async query(q) {
      const { names, rows } = await run(q);
      return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, normalizeDuckdbValue(r[i])])));
    },
    async describe(relation) {
      // LIMIT 0 reads the catalog or the file's footer/header only: column names and types, no rows.
      const q = renderSelect({ t: 'select', columns: '*', from: { t: 'relation', relation }, limit: 0 }, duckdbDialect);
      const { names, types } = await run(q);
      return names.map((n, i): PhysicalColumn => physicalColumn(n, types[i]));
    },
    locate: (relation) => locate(relation, namespace, database),
    async cancel() {
      interrupted = true;
      const stopped = running;
      if (stopped > 0) conn.interrupt();
      return stopped;
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
      removeSpill();
    },
  };
}

function locate(relation: SqlRelation, namespace: string, database: string): DatasetLocation | undefined {
  if (relation.kind === 'files')
    return relation.paths.length === 1 ? { namespace: 'file', name: path.resolve(relation.paths[0]) } : undefined;
  if (relation.kind === 'table') {
    const parts =
      relation.parts.length >= 3
        ? relation.parts
        : relation.parts.length === 2
          ? [database, ...relation.parts]
          : [database, 'main', ...relation.parts];
    return { namespace, name: parts.join('.') };
  }
  return undefined;
}
