/**
 * The SQL dialects datacheck renders, by name: the one list that DIALECTS (index.ts), `Dialect.name`
 * and `datacheck plan --dialect` are typed from. Kept apart from the dialect objects so the CLI can
 * offer the names without loading the SQL compiler.
 */
export const DIALECT_NAMES = ['duckdb', 'postgres', 'snowflake', 'bigquery', 'trino', 'spark', 'clickhouse'] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];
