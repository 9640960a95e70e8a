import { defineConfig } from 'datacheck/config';

/**
 * The connections of the benchmark's table inputs. Nothing opens until a contract names one
 * (bench/project/contracts/orders.contract.ts, DATACHECK_BENCH_CONNECTION), so the file inputs
 * are unaffected. The bench sets both variables: the URL of the throwaway PostgreSQL server it
 * started (credentials only ever come from the environment), and the DuckDB database file.
 */
export default defineConfig({
  connections: {
    pg: { kind: 'postgres', urlEnv: 'DATACHECK_BENCH_PG_URL' },
    // the bench's two-shard ClickHouse cluster (the Distributed table's database in the URL's path)
    ch: { kind: 'clickhouse', urlEnv: 'DATACHECK_BENCH_CH_URL' },
    wh: { kind: 'duckdb', path: process.env.DATACHECK_BENCH_DUCKDB ?? '../data/orders-5000000.duckdb' },
  },
});
