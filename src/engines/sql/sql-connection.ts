import type { PhysicalColumn } from '../../model/metric.js';
import type { DatasetLocation, TableFingerprint } from '../../model/result.js';

/** One statement with its values bound as parameters, never spliced into the text. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** What a query reads from: a table (qualified name parts, quoted by the dialect) or a user's query. */
export type SqlRelation =
  | { kind: 'table'; parts: string[] }
  | { kind: 'query'; sql: string }
  /**
   * DuckDB only: a table function over files, e.g. read_parquet([...]); paths are bound values.
   * `display`: each path as users see it (relative to the project), for the messages about them.
   */
  | { kind: 'files'; format: 'parquet' | 'csv' | 'json'; paths: string[]; options?: Record<string, unknown>; display?: string[] };

/**
 * A live connection to an engine that holds data. Drivers (DuckDB, PostgreSQL) implement it; the
 * SQL engine only compiles and reads rows. Every query runs read-only with a statement timeout.
 * Errors never carry credentials: implementations redact the URL from messages.
 */
export interface SqlConnection {
  /** Name of the dialect object that renders SQL for this engine. */
  dialect: 'duckdb' | 'postgres' | 'clickhouse';
  /**
   * Runs one query; rows as plain objects keyed by column alias. Values are normalized so engines
   * agree: SQL NULL -> null; integers, decimals and floats -> number (NaN/Infinity kept);
   * booleans -> boolean; text -> string; dates and timestamps -> epoch milliseconds (number);
   * anything else -> its text form.
   */
  query(q: SqlQuery): Promise<Record<string, unknown>[]>;
  /** Columns of a relation from the catalog (information_schema or DESCRIBE), without reading rows. */
  describe(relation: SqlRelation): Promise<PhysicalColumn[]>;
  /** Lineage identity of a relation read through this connection (credential-free). */
  locate(relation: SqlRelation): DatasetLocation | undefined;
  /**
   * Which version of a table this is, from the catalog only (never a scan; see tableFingerprint).
   * Undefined for what the catalog says nothing of: queries, files, views. Absent: the engine offers none.
   */
  version?(relation: SqlRelation): Promise<TableFingerprint | undefined>;
  /**
   * False when a scan of the relation has no one row order to number failing rows by (a
   * ClickHouse Distributed table: each shard numbers its own rows); samples then carry no row
   * number. Absent or true: rows are numbered in scan order.
   */
  rowOrder?(relation: SqlRelation): Promise<boolean>;
  /**
   * The run was stopped (Ctrl-C, SIGTERM): cancels the statements running now on the server (it
   * would otherwise go on working for a client that is gone: ~36 s measured for one scan) and
   * refuses new ones; both reject with `run.interrupted`. Resolves with how many were running.
   */
  cancel(): Promise<number>;
  /**
   * DuckDB's in-memory file scanner only: runs `q` once into a temporary table of this session
   * (bounded by the connection's memory limit, spilling to its private temp directory) and returns
   * the table to read instead; `drop()` frees it. Absent: the engine keeps nothing between queries.
   */
  materialize?(q: SqlQuery): Promise<{ relation: SqlRelation; drop(): Promise<void> }>;
  close(): Promise<void>;
}
