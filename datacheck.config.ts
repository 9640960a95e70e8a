import { defineConfig } from 'datacheck/config';

// The bundled example's connections. Files need none: Parquet is scanned by an embedded DuckDB,
// CSV and NDJSON are read in-process. A PostgreSQL connection would name the environment variable
// holding its URL instead: { kind: 'postgres', urlEnv: 'WAREHOUSE_URL' }.
export default defineConfig({
  connections: {
    warehouse: { kind: 'duckdb', path: 'fixtures/jaffle_shop/warehouse.duckdb' },
  },
  // The dbt project in dbt/ names the same DuckDB file as a dbt source: `{ dbt: 'warehouse.products' }`
  // resolves through its target/manifest.json and profiles.yml (given here, so a DBT_PROFILES_DIR
  // set for another project does not take over).
  dbt: { project: 'dbt', profilesDir: 'dbt' },
  // The default paths, and the contracts `datacheck import dbt dbt` wrote beside dbt/models/schema.yml.
  include: ['contracts/**/*.contract.ts', 'checks/**/*.check.ts', 'dbt/models/**/*.contract.ts'],
});
