import { defineConfig } from 'datacheck/config';

// The bundled example's connections. Files need none: Parquet is scanned by an embedded DuckDB,
// CSV and NDJSON are read in-process. A PostgreSQL connection would name the environment variable
// holding its URL instead: { kind: 'postgres', urlEnv: 'WAREHOUSE_URL' }.
export default defineConfig({
  connections: {
    warehouse: { kind: 'duckdb', path: 'fixtures/jaffle_shop/warehouse.duckdb' },
  },
});
