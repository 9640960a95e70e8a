// The `postgres` input of the benchmark: a throwaway PostgreSQL server started (and stopped) by
// the bench itself, the orders table loaded into it, and the hand-written aggregate query run
// through `pg`. datacheck reads the same table over a `kind: 'postgres'` connection, as the same
// read-only role, on the same server with the same settings: the comparison is fair by construction.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import pg from 'pg';
import { REPO_ROOT } from './config.js';
import { checksSqlFrom } from './duckdb-checks.js';

export const PG_TABLE = 'orders';

/** The generated table's types, as PostgreSQL types that map back to the contract's (int64, float64, string, timestamp us). */
const TABLE_DDL = `CREATE TABLE ${PG_TABLE} (
  order_id bigint,
  customer_id bigint,
  amount double precision,
  status text,
  email text,
  ordered_at timestamp
)`;

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;

/** The hand-written query, in PostgreSQL: the same counts as in DuckDB (`count(DISTINCT)`, `FILTER`, `!~`). */
export const checksSqlPostgres = (table = PG_TABLE) => checksSqlFrom(`"${table.replaceAll('"', '""')}"`, 'postgres');

/**
 * Starts a server with the test harness's own code (tests/support/postgres-server.ts, loaded with
 * jiti like datacheck loads contracts): initdb into a temp dir, run as the `postgres` OS user when
 * we are root, a loopback port, a superuser for loading and a read-only role for both sides.
 */
export async function startBenchPostgres() {
  const jiti = createJiti(import.meta.url);
  const { startPostgres } = await jiti.import(path.join(REPO_ROOT, 'tests/support/postgres-server.ts'));
  return startPostgres({ ownerPid: process.pid });
}

/**
 * COPY FROM STDIN through psql, for a file the server's OS user cannot read (a private temp dir):
 * node-postgres has no COPY support without another package.
 */
function copyThroughPsql(url, csvPath) {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c', `COPY ${PG_TABLE} FROM STDIN (FORMAT csv, HEADER true)`], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY failed (exit ${code}): ${stderr.trim()}`))));
    createReadStream(csvPath).pipe(child.stdin);
  });
}

/**
 * Loads the CSV into the table with a server-side COPY (the server reads the file: the fastest
 * load, and the superuser may; psql's COPY FROM STDIN when the server cannot open it), then
 * ANALYZE so the planner knows the table's size and key spread.
 */
export async function loadOrders(server, csvPath, log = () => {}) {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query(TABLE_DDL);
    try {
      await client.query(`COPY ${PG_TABLE} FROM ${lit(csvPath)} (FORMAT csv, HEADER true)`);
    } catch (e) {
      if (!/could not open file|permission denied/i.test(e.message)) throw e;
      await copyThroughPsql(server.adminUrl, csvPath);
    }
    await client.query(`ANALYZE ${PG_TABLE}`);
    const { rows } = await client.query(
      `SELECT pg_total_relation_size(${lit(PG_TABLE)}) AS bytes, current_setting('max_parallel_workers_per_gather') AS workers, current_setting('shared_buffers') AS shared_buffers, version() AS version`,
    );
    log(
      `postgres: loaded ${path.basename(csvPath)} in ${((performance.now() - started) / 1000).toFixed(1)} s (COPY + ANALYZE); table ${(Number(rows[0].bytes) / 1024 / 1024).toFixed(0)} MiB; max_parallel_workers_per_gather ${rows[0].workers}, shared_buffers ${rows[0].shared_buffers}; ${String(rows[0].version).split(' on ')[0]}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * Times the hand-written query on a fresh connection as the read-only role (connecting is not
 * timed). The server's CPU is in its own processes, so only wall time is reported.
 */
export async function runPostgresChecks(url, sql = checksSqlPostgres()) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const { rows } = await client.query(sql);
    const ms = performance.now() - started;
    return { ms, row: Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) };
  } finally {
    await client.end();
  }
}
