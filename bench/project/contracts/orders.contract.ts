import { col, defineContract } from 'datacheck';

/**
 * Where the bench points the contract: the same checks on every input.
 * - DATACHECK_BENCH_TABLE + DATACHECK_BENCH_CONNECTION: a table of a connection of
 *   datacheck.config.ts (`pg`: the bench's PostgreSQL server, `wh`: the DuckDB database file);
 * - DATACHECK_BENCH_SOURCE: the Parquet or CSV file (the SQL file inputs);
 * - DATACHECK_BENCH_ARROW: the Arrow IPC file (also how the harness's own tests use a small table).
 */
function benchSource() {
  const table = process.env.DATACHECK_BENCH_TABLE;
  if (table) return { table, connection: process.env.DATACHECK_BENCH_CONNECTION ?? 'wh' };
  return { file: process.env.DATACHECK_BENCH_SOURCE ?? process.env.DATACHECK_BENCH_ARROW ?? '../data/orders-5000000.arrow' };
}

/**
 * DATACHECK_BENCH_SUITE=streaming leaves out the primary key (its unique check holds every key to
 * find duplicates): the checks that stream, whose peak memory must not grow with the table.
 */
const streaming = process.env.DATACHECK_BENCH_SUITE === 'streaming';

/**
 * The benchmark's orders table (bench/generate-sql.js). The constraints here are the checks the
 * hand-written baseline queries compute in SQL; the data breaks some of them on purpose, so the
 * run fails (exit 1).
 */
export default defineContract({
  name: 'orders',
  version: '1.0.0',
  owner: 'datacheck-bench',
  source: benchSource(),
  columns: {
    order_id: streaming ? col.int64() : col.int64().primaryKey(),
    customer_id: col.int64(),
    amount: col.float64().nullable().between(0, 10_000),
    status: col.string().oneOf(['placed', 'shipped', 'completed', 'returned']),
    email: col.string().format('email'),
    ordered_at: col.timestamp('us'),
  },
});
