// The SQL inputs of the benchmark: the same orders table as Parquet and as CSV, each checked by
// datacheck's default run (DuckDB scans the file in SQL) and by one hand-written DuckDB query.
// The lead adds PostgreSQL and a DuckDB database table as two more entries of `sqlInputs`.
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PROJECT_DIR } from './config.js';
import { runDatacheckCli } from './datacheck-run.js';
import { checksSqlFrom, runDuckdbChecks } from './duckdb-checks.js';

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

/** Rows datacheck read back from SQL engines, from its --debug line (`sql N queries, M rows read back`). */
export function rowsTransferred(stderr) {
  const m = /sql (\d+) queries, (\d+) rows read back/.exec(stderr ?? '');
  return m ? { queries: Number(m[1]), rows: Number(m[2]) } : undefined;
}

/**
 * Each input: `handWritten()` times one aggregate query computing what the checks count,
 * `datacheck()` runs the CLI's default run on the same data. Both return { ms, ... }.
 */
export function sqlInputs({ parquet, csv, cli }) {
  const viaCli = (file) => () =>
    runDatacheckCli({ env: { DATACHECK_BENCH_SOURCE: path.relative(PROJECT_DIR, file) }, debug: true, ...(cli && { cliPath: cli }) });
  return [
    { name: 'parquet', handWritten: () => runDuckdbChecks(parquet, checksSqlFrom(`read_parquet(${lit(parquet)})`)), datacheck: viaCli(parquet) },
    { name: 'csv', handWritten: () => runDuckdbChecks(csv, checksSqlFrom(`read_csv(${lit(csv)})`)), datacheck: viaCli(csv) },
    // { name: 'postgres', handWritten: ..., datacheck: ... },      (added with the PostgreSQL side)
    // { name: 'duckdb-table', handWritten: ..., datacheck: ... },  (a table of a DuckDB database file)
  ];
}
