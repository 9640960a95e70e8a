// The DuckDB baseline: one aggregate query over the Parquet file computes every count the
// datacheck suite checks.
import { DuckDBInstance } from '@duckdb/node-api';
import { AMOUNT_MAX, AMOUNT_MIN, COLUMNS, EMAIL_REGEX, STATUSES } from './config.js';

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ident = (s) => `"${s.replaceAll('"', '""')}"`;

/** The timed query: nulls per column, duplicate order_ids, bad status, bad email, amounts out of range, rows. */
export function checksSql(parquetPath) {
  return checksSqlFrom(`read_parquet(${lit(parquetPath)})`);
}

/** The email test as each engine spells a regex match: DuckDB's RE2 function, PostgreSQL's `~`. */
const EMAIL_FAILS = {
  duckdb: `NOT regexp_matches(email, ${lit(EMAIL_REGEX)})`,
  postgres: `email !~ ${lit(EMAIL_REGEX)}`,
};

/**
 * The same hand-written query over any relation (a file scan, a table), in DuckDB's SQL or
 * PostgreSQL's (`dialect`): everything but the regex match is spelled the same in both.
 */
export function checksSqlFrom(from, dialect = 'duckdb') {
  const nulls = COLUMNS.map((c) => `  count(*) - count(${ident(c)}) AS ${ident(`nulls_${c}`)}`);
  return `SELECT
  count(*) AS row_count,
${nulls.join(',\n')},
  count(order_id) - count(DISTINCT order_id) AS duplicate_order_ids,
  count(*) FILTER (WHERE status NOT IN (${STATUSES.map(lit).join(', ')})) AS bad_status,
  count(*) FILTER (WHERE ${EMAIL_FAILS[dialect]}) AS bad_email,
  count(*) FILTER (WHERE amount < ${AMOUNT_MIN} OR amount > ${AMOUNT_MAX}) AS amount_out_of_range
FROM ${from}`;
}

/**
 * Untimed cross-check: rows whose order_id occurs more than once. datacheck's unique check counts
 * these rows (every row of a duplicated key fails), not the surplus count(*) - count(DISTINCT).
 */
export function duplicateRowsSql(parquetPath) {
  return `SELECT coalesce(sum(n), 0) AS rows_sharing_order_id
FROM (SELECT count(*) AS n FROM read_parquet(${lit(parquetPath)}) GROUP BY order_id HAVING count(*) > 1)`;
}

/** `database`: ':memory:' for file scans, or a DuckDB database file (opened read-only). */
async function withConnection(fn, database = ':memory:') {
  const instance = await DuckDBInstance.create(database, database === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    return await fn(conn);
  } finally {
    conn.closeSync?.();
    instance.closeSync?.();
  }
}

const firstRow = async (conn, sql) => {
  const row = (await conn.runAndReadAll(sql)).getRowObjects()[0];
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
};

/**
 * Runs the checks query once on a fresh DuckDB instance (so DuckDB's own in-memory file cache
 * does not carry over between repetitions; the OS page cache is warm for both sides alike).
 * Only the query is timed, not the instance start.
 */
export async function runDuckdbChecks(parquetPath, sql = checksSql(parquetPath), database = ':memory:') {
  return withConnection(async (conn) => {
    const started = performance.now();
    // DuckDB's worker threads live in this process, so process CPU time covers them (and little else).
    const cpu = process.cpuUsage();
    const row = await firstRow(conn, sql);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, row };
  }, database);
}

/** The figures compared with datacheck's, in the shape `datacheckCounts` returns. */
export async function duckdbCounts(parquetPath, row) {
  const dup = await withConnection((conn) => firstRow(conn, duplicateRowsSql(parquetPath)));
  return {
    rows: row.row_count,
    nulls: Object.fromEntries(COLUMNS.map((c) => [c, row[`nulls_${c}`]])),
    duplicateRows: dup.rows_sharing_order_id,
    badStatus: row.bad_status,
    badEmail: row.bad_email,
    amountOutOfRange: row.amount_out_of_range,
    // Informational: surplus rows, count(*) - count(DISTINCT order_id).
    duplicateSurplus: row.duplicate_order_ids,
  };
}
