import { col, defineContract } from 'datacheck';

/**
 * The benchmark's orders table (bench/generate-sql.js). The constraints here are the checks the
 * DuckDB baseline computes in SQL; the data breaks some of them on purpose, so the run fails (exit 1).
 * DATACHECK_BENCH_SOURCE points it at the Parquet or CSV file (the SQL inputs of the benchmark);
 * DATACHECK_BENCH_ARROW lets the harness's own tests point the contract at a small table.
 */
export default defineContract({
  name: 'orders',
  version: '1.0.0',
  owner: 'datacheck-bench',
  source: { file: process.env.DATACHECK_BENCH_SOURCE ?? process.env.DATACHECK_BENCH_ARROW ?? '../data/orders-5000000.arrow' },
  columns: {
    order_id: col.int64().primaryKey(),
    customer_id: col.int64(),
    amount: col.float64().nullable().between(0, 10_000),
    status: col.string().oneOf(['placed', 'shipped', 'completed', 'returned']),
    email: col.string().format('email'),
    ordered_at: col.timestamp('us'),
  },
});
