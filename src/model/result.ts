import type { Severity } from './check.js';
import type { Issue, SourceLocation } from './issue.js';
import type { FailingRow } from './metric.js';
import type { DatasetRunTrend, HistoryPoint, TrackedMetric } from './history.js';
import type { Measure } from './measure.js';

export type Outcome = 'pass' | 'fail' | 'warn' | 'error' | 'skipped';
export type RunOutcome = 'passed' | 'failed' | 'error';

export const RESULT_SCHEMA_VERSION = 1 as const;

export interface CheckResult {
  id: string;
  kind: string;
  dataset: string;
  column?: string;
  columns?: string[];
  title: string;
  severity: Severity;
  /** `warn` is a failed check of severity warn. */
  outcome: Outcome;
  /** What the data showed, JSON-friendly (numbers, strings, null). */
  observed?: unknown;
  /** What the check asked for, in words: `between 20 and 400`. */
  expected?: string;
  message: string;
  /**
   * What was measured and what it was held to, as data (see Measure). Added within schema version 1
   * (optional, purely additive): results written before it have none, and read as before.
   */
  measure?: Measure;
  /**
   * The number the check measured under its history name (row_count, column statistics, change and
   * anomaly checks): what the history store keeps and change and anomaly checks compare. Absent for
   * kinds without one number, and on pii columns unless it is a count or share. Added within schema
   * version 1 (optional, additive).
   */
  metric?: TrackedMetric;
  /**
   * Set on a pass that judged nothing, saying why (a change check's first run, an anomaly check
   * with too little history, the history turned off), so such a pass is never silent.
   */
  note?: string;
  /** The tracked metric's values in earlier runs, oldest first (at most 30), for trend charts; this run is `metric`. */
  history?: HistoryPoint[];
  /** Rows considered and rows failing, for row-level checks. */
  rows?: { considered: number; failed: number };
  failingRows?: FailingRow[];
  /** Why the check could not run (outcome `error`). */
  issue?: Issue;
  where?: string;
  origin: 'contract' | 'suite';
  location: SourceLocation;
  durationMs: number;
}

export interface ColumnProfile {
  name: string;
  type: string;
  pii: boolean;
  nullCount?: number;
  distinctCount?: number;
  min?: unknown;
  max?: unknown;
  /** Numeric and temporal columns (not pii): equal-width bins between min and max (display values). */
  histogram?: { min: unknown; max: unknown; counts: number[] };
  /** String and boolean columns (not pii): the most frequent values; `truncated` for high cardinality. */
  topValues?: { top: { value: unknown; count: number }[]; distinct?: number; truncated: boolean };
}

/**
 * Where a dataset lives, without credentials, named by the OpenLineage naming conventions
 * (https://openlineage.io/docs/spec/naming): files `file` + absolute path; PostgreSQL
 * `postgres://host:port` + `database.schema.table`; DuckDB `duckdb://<database file>` + `database.schema.table`.
 */
export interface DatasetLocation {
  namespace: string;
  name: string;
}

/**
 * Which data a result was about, one of:
 * - files: the SHA-256 of the files' names and content hashes, with each file's size,
 *   modification time and content hash;
 * - table: what the engine's catalog says of a table (DuckDB: the database file's size and mtime
 *   with duckdb_tables()' estimated_size and column_count; PostgreSQL: pg_class and
 *   pg_stat_user_tables counters), read without scanning a row; the version is a SHA-256 of them.
 * A `{ query }` source, a view or a foreign table has none: the catalog says nothing of its rows.
 * Added within schema version 1.
 */
export type DatasetFingerprint = FilesFingerprint | TableFingerprint;

export interface FilesFingerprint {
  method: 'files';
  /** A hex digest: equal versions mean the same bytes were checked. */
  version: string;
  files: { path: string; size: number; mtime: string; sha256: string }[];
}

export interface TableFingerprint {
  method: 'table';
  /** A hex digest of `statistics`: equal versions mean the catalog saw no change (see README for caveats). */
  version: string;
  engine: 'duckdb' | 'postgres' | 'clickhouse';
  /** The table as its lineage names it, e.g. `warehouse.sales.orders`. */
  table: string;
  /** The catalog values the version is made of, by their catalog names (null: the catalog has none). */
  statistics: Record<string, string | number | null>;
}

export interface DatasetResult {
  name: string;
  version?: string;
  owner?: string;
  description?: string;
  /** Human-readable description of the source, e.g. `fixtures/orders.csv`. Never credentials. */
  source?: string;
  /** Lineage identity of the source (see DatasetLocation); absent when unknown. */
  location?: DatasetLocation;
  /** Which data was read (see DatasetFingerprint); absent for `{ query }` sources and views. */
  fingerprint?: DatasetFingerprint;
  contractLocation?: { file: string; line: number; column: number };
  rowCount?: number;
  /** Dataset-level problems (could not read the source, ...). Checks then have outcome `error`. */
  issues: Issue[];
  checks: CheckResult[];
  /** Earlier runs of this dataset, oldest first (at most 30): outcomes over time, from the metric history. */
  trend?: DatasetRunTrend[];
  columns: ColumnProfile[];
  durationMs: number;
}

/**
 * When and where a run happened, for the people reading its report: never environment values or
 * credentials, only the host name, the git commit and branch, and which CI system ran it.
 */
export interface RunContext {
  host?: string;
  git?: { commit: string; branch?: string; dirty?: boolean };
  /** The CI system, named from which well-known variable is set (`github-actions`, `gitlab`...). */
  ci?: string;
}

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  runId: string;
  tool: { name: 'datacheck'; version: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Directory the run was started from (paths in locations are relative to it). */
  cwd: string;
  datasets: DatasetResult[];
  /** Run-level problems (bad contract files, bad config...): any of them makes the outcome `error`. */
  issues: Issue[];
  counts: Record<Outcome, number>;
  outcome: RunOutcome;
  /** Filled by the CLI; absent in results from older versions and from the runner alone. */
  context?: RunContext;
}
