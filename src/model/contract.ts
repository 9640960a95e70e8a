import type { SourceLocation } from './issue.js';
import type { PiiKind } from './pii.js';

/** The logical column types a contract can declare. Plain, serializable data. */
export type LogicalType =
  | { type: 'bool' }
  | { type: 'int'; bits: 8 | 16 | 32 | 64; signed: boolean }
  | { type: 'float'; bits: 32 | 64 }
  | { type: 'decimal'; precision: number; scale: number }
  | { type: 'string' }
  | { type: 'date' }
  | { type: 'timestamp'; unit: TimeUnit; tz?: string }
  | { type: 'binary' }
  | { type: 'list'; of: LogicalType }
  | { type: 'struct'; fields: Record<string, LogicalType> };

export type TimeUnit = 's' | 'ms' | 'us' | 'ns';
export type StringFormat = 'email' | 'uuid' | 'url' | 'date' | 'date-time' | 'ipv4';

/** A scalar a contract or suite may compare against. Dates/timestamps are ISO strings. */
export type Scalar = string | number | boolean | bigint;

/** What a no_pii check looks for: the kinds, and the region of national phone formats (default US). */
export interface NoPiiDef {
  kinds: PiiKind[];
  phoneCountry?: string;
}

/** One column of a contract, after the builder chain has been applied. */
export interface ColumnDef {
  type: LogicalType;
  /** Columns are NOT NULL unless `.nullable()` was called. */
  nullable: boolean;
  primaryKey?: boolean;
  unique?: boolean;
  oneOf?: Scalar[];
  /** Inclusive bounds; numbers for numeric columns, ISO strings for dates/timestamps. */
  min?: number | string;
  max?: number | string;
  length?: { min?: number; max?: number };
  /** A JavaScript regular expression source (no slashes). */
  pattern?: string;
  /** Its flags, e.g. 'i' (never g or y: each value is tested whole). */
  patternFlags?: string;
  format?: StringFormat;
  /** `dataset.column` of another contract. */
  references?: string;
  description?: string;
  pii?: boolean;
  /** `.noPii()`: its free text must hold no personal data of these kinds (src/pii/). */
  noPii?: NoPiiDef;
  tags?: string[];
  /** Where the column was declared; contract-derived checks point here. */
  location?: SourceLocation;
}

export interface CsvOptions {
  /** Default ',' (or '\t' for .tsv files). */
  delimiter?: string;
  /** Default '"'. */
  quote?: string;
  /** Default true: the first line names the columns. */
  header?: boolean;
}

export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'arrow';

/** Where a dataset's rows come from. Paths are relative to the contract file's project root. */
export type SourceDef =
  | {
      /** A path, a glob, or several of them; files are unioned by column name. */
      file: string | string[];
      /** Inferred from the extension when absent (`.csv`, `.tsv`, `.json`, `.ndjson`/`.jsonl`, `.parquet`, `.arrow`/`.feather`/`.ipc`/`.arrows`). `.gz` is decompressed. */
      format?: FileFormat;
      csv?: CsvOptions;
      /** Extra strings read as null in text formats, e.g. ['NA', 'NULL']. Empty unquoted CSV fields are always null. */
      nullValues?: string[];
      /**
       * Who reads the files: `duckdb` scans them in SQL (the default for Parquet, and for CSV of
       * 64 MiB or more), `arrow` streams them through datacheck's own readers (the default for
       * smaller CSV, whose failing rows then carry source line numbers, and for JSON and Arrow).
       */
      engine?: 'duckdb' | 'arrow';
      /** `arrow`: a metric SQL cannot express streams through the Arrow engine instead of failing its check. */
      fallback?: 'arrow';
    }
  /** A table (`schema.table`) of a named connection, read in SQL where it lives. */
  | { table: string; connection: string }
  /** A SELECT run on a named connection; datacheck wraps it as a subquery. */
  | { query: string; connection: string }
  | { dbt: string };

/**
 * Data the calling program holds in memory (`run()` from `datacheck/node`, `dataset()` in
 * `datacheck/vitest`): checked by the Arrow engine, never written to a file. Kept apart from
 * SourceDef, which stays serializable data.
 */
export interface InMemorySource {
  data: InMemoryData;
}

/**
 * Rows or a table held in memory: an array of row objects (typed by the contract, like JSON), an
 * Apache Arrow `Table` (typed by its schema, like an Arrow file), or an arquero table (its columns of
 * JavaScript values, typed by the contract). Recognised by shape, so no table library is imported.
 * Unlike the other sources this is not serializable data: it lives in the program that made it.
 */
export type InMemoryData = readonly object[] | ArrowTableLike | ArqueroTableLike;

/** What datacheck reads of an Apache Arrow `Table` (apache-arrow's own type satisfies it). */
export interface ArrowTableLike {
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  readonly batches: readonly unknown[];
  readonly numRows: number;
  getChild(name: string): unknown;
}

/** What datacheck reads of an arquero table: its column names, row count and each column's values (filters and order applied). */
export interface ArqueroTableLike {
  columnNames(): string[];
  numRows(): number;
  array(name: string): ArrayLike<unknown>;
  toArrow(...args: never[]): unknown;
}

/**
 * How recent the data must be: the newest value of a timestamp/date column, or (`file: true`)
 * the newest modification time of the source files, within a duration ('30m', '24h', '7d', '2w')
 * of the run's start.
 */
export type FreshnessDef = { column: string; within: string } | { file: true; within: string };

/** A contract as plain data. `defineContract` produces it; everything downstream reads it. */
export interface ContractDef {
  kind: 'contract';
  name: string;
  version?: string;
  owner?: string;
  description?: string;
  source?: SourceDef | InMemorySource;
  columns: Record<string, ColumnDef>;
  /** A compound primary key: no two rows share these values, and none of them is null. */
  primaryKey?: string[];
  /** Columns in the data that the contract does not name: allowed (default) or a failing schema check. */
  extraColumns?: 'allow' | 'forbid';
  freshness?: FreshnessDef;
  /** Every string column not marked `.pii()` (and without its own `.noPii()`) gets a no_pii check of every kind. */
  detectPii?: boolean;
  tags?: string[];
  /** Where `defineContract` was called. */
  location: SourceLocation;
}
