import type { Dialect } from '../dialect.js';
import { bigqueryDialect } from './bigquery.js';
import { duckdbDialect } from './duckdb.js';
import { postgresDialect } from './postgres.js';
import { snowflakeDialect } from './snowflake.js';
import { sparkDialect } from './spark.js';
import { trinoDialect } from './trino.js';

/** Every dialect by name: DuckDB and PostgreSQL run in tests; the warehouses are checked by golden SQL. */
export const DIALECTS: Record<Dialect['name'], Dialect> = {
  duckdb: duckdbDialect,
  postgres: postgresDialect,
  snowflake: snowflakeDialect,
  bigquery: bigqueryDialect,
  trino: trinoDialect,
  spark: sparkDialect,
};
