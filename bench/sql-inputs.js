// The SQL inputs of the benchmark: the same orders table as Parquet and CSV files, as a table of
// a DuckDB database file and as a table in PostgreSQL, each checked by datacheck's default run
// (the checks pushed down as SQL) and by one hand-written aggregate query in the same engine.
import { existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PROJECT_DIR } from './config.js';
import { runDatacheckCli } from './datacheck-run.js';
import { checksSqlFrom, runDuckdbChecks } from './duckdb-checks.js';
import { PG_TABLE, loadOrders, runPostgresChecks, startBenchPostgres } from './postgres-input.js';
import { loadOrdersClickhouse, runClickhouseChecks, startBenchClickhouse } from './clickhouse-input.js';

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;

/** Writes the Parquet table as CSV (header, ISO timestamps) once, next to it. */
export async function ensureCsv(parquetPath, log = () => {}) {
  const csv = parquetPath.replace(/\.parquet$/, '.csv');
  if (existsSync(csv)) return csv;
  log(`converting -> ${path.basename(csv)}`);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`COPY (SELECT * FROM read_parquet(${lit(parquetPath)})) TO ${lit(`${csv}.tmp`)} (FORMAT csv, HEADER true)`);
    await rename(`${csv}.tmp`, csv);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return csv;
}

/** True when `derived` exists and is newer than `source` (a regenerated source invalidates it). */
const fresh = (derived, source) => existsSync(derived) && statSync(derived).mtimeMs >= statSync(source).mtimeMs;

/** Writes the Parquet table into a DuckDB database file as table `orders`, once, next to it. */
export async function ensureDuckdbTable(parquetPath, log = () => {}) {
  const db = parquetPath.replace(/\.parquet$/, '.duckdb');
  if (fresh(db, parquetPath)) return db;
  log(`converting -> ${path.basename(db)}`);
  const tmp = `${db}.tmp`;
  await rm(tmp, { force: true });
  await rm(`${tmp}.wal`, { force: true });
  const instance = await DuckDBInstance.create(tmp);
  const conn = await instance.connect();
  try {
    await conn.run(`CREATE TABLE orders AS SELECT * FROM read_parquet(${lit(parquetPath)})`);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  await rename(tmp, db);
  return db;
}

/** Rows datacheck read back from SQL engines, from its --debug line (`sql N queries, M rows read back`). */
export function rowsTransferred(stderr) {
  const m = /sql (\d+) queries, (\d+) rows read back/.exec(stderr ?? '');
  return m ? { queries: Number(m[1]), rows: Number(m[2]) } : undefined;
}

/**
 * Each input: `handWritten()` times one aggregate query computing what the checks count,
 * `datacheck()` runs the CLI's default run on the same data. Both return { ms, ... }. An input
 * with `setup(log)` prepares its data first (and `teardown()` releases it, e.g. stops a server);
 * `only` (names) keeps a subset.
 */
export function sqlInputs({ parquet, csv, duckdbFile, cli, only }) {
  const cliOpts = cli ? { cliPath: cli } : {};
  const viaCli = (env) => () => runDatacheckCli({ env, debug: true, ...cliOpts });
  const viaFile = (file) => viaCli({ DATACHECK_BENCH_SOURCE: path.relative(PROJECT_DIR, file) });
  // The contract reads `{ table, connection }` when DATACHECK_BENCH_TABLE is set; the connections
  // are in bench/project/datacheck.config.ts (the PostgreSQL URL from DATACHECK_BENCH_PG_URL).
  const viaTable = (connection, env) => viaCli({ DATACHECK_BENCH_TABLE: PG_TABLE, DATACHECK_BENCH_CONNECTION: connection, ...env });
  let server;
  let clickhouse;
  const inputs = [
    {
      name: 'parquet',
      handWritten: () => runDuckdbChecks(parquet, checksSqlFrom(`read_parquet(${lit(parquet)})`)),
      datacheck: viaFile(parquet),
    },
    { name: 'csv', handWritten: () => runDuckdbChecks(csv, checksSqlFrom(`read_csv(${lit(csv)})`)), datacheck: viaFile(csv) },
    {
      name: 'postgres',
      async setup(log) {
        server = await startBenchPostgres();
        log(`postgres: throwaway server on 127.0.0.1:${server.port} (started in ${(server.startMs / 1000).toFixed(1)} s)`);
        await loadOrders(server, csv, log);
      },
      teardown: () => server?.stop(),
      handWritten: () => runPostgresChecks(server.url),
      datacheck: () => viaTable('pg', { DATACHECK_BENCH_PG_URL: server.url })(),
    },
    {
      // A two-shard cluster: a Distributed table over a MergeTree table on each shard.
      name: 'clickhouse',
      async setup(log) {
        clickhouse = await startBenchClickhouse();
        log(`clickhouse: two throwaway servers (started in ${(clickhouse.cluster.startMs / 1000).toFixed(1)} s)`);
        await loadOrdersClickhouse(clickhouse, parquet, log);
      },
      teardown: () => clickhouse?.cluster.stop(),
      handWritten: () => runClickhouseChecks(clickhouse),
      datacheck: () =>
        runDatacheckCli({
          env: { DATACHECK_BENCH_TABLE: PG_TABLE, DATACHECK_BENCH_CONNECTION: 'ch', DATACHECK_BENCH_CH_URL: clickhouse.url },
          debug: true,
          ...cliOpts,
        }),
    },
    {
      name: 'duckdb-table',
      handWritten: () => runDuckdbChecks(duckdbFile, checksSqlFrom(PG_TABLE), duckdbFile),
      datacheck: viaTable('wh', { DATACHECK_BENCH_DUCKDB: path.relative(PROJECT_DIR, duckdbFile) }),
    },
  ];
  return only ? inputs.filter((i) => only.includes(i.name)) : inputs;
}
