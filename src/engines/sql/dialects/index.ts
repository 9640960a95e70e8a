import type { Dialect } from '../dialect.js';
import { bigqueryDialect } from './bigquery.js';
import { clickhouseDialect } from './clickhouse.js';
import type { DialectName } from './dialect-names.js';
import { duckdbDialect } from './duckdb.js';
import { postgresDialect } from './postgres.js';
import { snowflakeDialect } from './snowflake.js';
import { sparkDialect } from './spark.js';
import { trinoDialect } from './trino.js';

/**
 * Every dialect by name: DuckDB, PostgreSQL and ClickHouse run in tests; the warehouses are checked by golden SQL.
 * Typed from DIALECT_NAMES: a name without a dialect, or a dialect not in the list, does not compile.
 */
export const DIALECTS: Record<DialectName, Dialect> = {
  duckdb: duckdbDialect,
  postgres: postgresDialect,
  snowflake: snowflakeDialect,
  bigquery: bigqueryDialect,
  trino: trinoDialect,
  spark: sparkDialect,
  clickhouse: clickhouseDialect,
};
