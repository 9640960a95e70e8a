import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOUBLE, DuckDBInstance } from '@duckdb/node-api';
import { DatacheckError } from '../../../model/issue.js';
import type { PhysicalColumn } from '../../../model/metric.js';
import type { DatasetLocation, TableFingerprint } from '../../../model/result.js';
import { duckdbDialect } from '../dialects/duckdb.js';
import { renderSelect } from '../render.js';
import type { SqlConnection, SqlQuery, SqlRelation } from '../sql-connection.js';
import { interruptedError } from '../interrupted.js';
import { tableFingerprint } from '../table-fingerprint.js';
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
 * change it; the in-memory instance used for file scans holds no data of its own but the
 * temporary tables `materialize` creates (a SELECT datacheck compiled, read once), and every other
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
  let temporaryTables = 0;
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
    async version(relation) {
      if (!file || relation.kind !== 'table') return undefined;
      const { rows } = await run({ sql: TABLE_STATISTICS_SQL, params: qualify(relation.parts, database) });
      if (rows.length === 0) return undefined; // a view: duckdb_tables() lists tables only
      return tableVersion(file, rows[0]);
    },
    ...(!file && {
      async materialize(q: SqlQuery) {
        const name = `__dc_materialized_${++temporaryTables}`;
        const quoted = duckdbDialect.quoteIdent(name);
        await run({ sql: `CREATE TEMP TABLE ${quoted} AS ${q.sql}`, params: q.params });
        return {
          relation: { kind: 'table' as const, parts: ['temp', 'main', name] },
          drop: async () => void (await run({ sql: `DROP TABLE IF EXISTS temp.main.${quoted}`, params: [] })),
        };
      },
    }),
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

/**
 * What the catalog says of one table, never a scan. Names compare case-insensitively, as DuckDB
 * resolves them; values are bound. Names come back as the catalog spells them.
 */
const TABLE_STATISTICS_SQL = `SELECT estimated_size, column_count, database_name, schema_name, table_name FROM duckdb_tables()
WHERE lower(database_name) = lower($1) AND lower(schema_name) = lower($2) AND lower(table_name) = lower($3)`;

/**
 * A DuckDB table's version: the database file's size and mtime (any committed write to the file,
 * to this table or another, changes them once DuckDB checkpoints, which it does at the writer's
 * close) and the table's estimated_size (its row count as the catalog keeps it) and column_count.
 * A write still in the `.wal` file beside the database is not seen until it is checkpointed.
 */
async function tableVersion(file: string, row: unknown[]): Promise<TableFingerprint> {
  const s = await stat(file);
  // Named as the catalog spells it, so the version does not depend on how a contract wrote the name.
  return tableFingerprint('duckdb', row.slice(2).join('.'), {
    file_size: s.size,
    file_mtime: s.mtime.toISOString(),
    estimated_size: normalizeDuckdbValue(row[0]) as number,
    column_count: normalizeDuckdbValue(row[1]) as number,
  });
}

/** A table's name parts as database, schema, table, filling in the session's database and `main`. */
function qualify(parts: string[], database: string): string[] {
  return parts.length >= 3 ? parts : parts.length === 2 ? [database, ...parts] : [database, 'main', ...parts];
}

function locate(relation: SqlRelation, namespace: string, database: string): DatasetLocation | undefined {
  if (relation.kind === 'files')
    return relation.paths.length === 1 ? { namespace: 'file', name: path.resolve(relation.paths[0]) } : undefined;
  if (relation.kind === 'table') return { namespace, name: qualify(relation.parts, database).join('.') };
  return undefined;
}
