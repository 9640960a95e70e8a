/**
 * Dataset identities by the OpenLineage naming conventions (https://openlineage.io/docs/spec/naming):
 * the same table or file gets the same namespace and name from every producer, so a consumer joins
 * datacheck's results to the nodes other tools (Spark, dbt, Airflow) already put in the graph.
 */
export interface DatasetId {
  namespace: string;
  name: string;
}

/** A local file (or a directory read as one dataset): namespace `file`, name the absolute path. */
export function fileDataset(absolutePath: string): DatasetId {
  return { namespace: 'file', name: absolutePath };
}

/** PostgreSQL: `postgres://{host}:{port}` and `{database}.{schema}.{table}` (port defaults to 5432). */
export function postgresDataset(t: { host: string; port?: number; database: string; schema: string; table: string }): DatasetId {
  return { namespace: `postgres://${t.host}:${t.port ?? 5432}`, name: `${t.database}.${t.schema}.${t.table}` };
}

/**
 * DuckDB is not in the spec's table; this follows its pattern for embedded databases (and
 * datacheck's DatasetLocation): `duckdb://{database file}` and `{database}.{schema}.{table}`.
 */
export function duckdbDataset(t: { file: string; database: string; schema: string; table: string }): DatasetId {
  return { namespace: `duckdb://${t.file}`, name: `${t.database}.${t.schema}.${t.table}` };
}
