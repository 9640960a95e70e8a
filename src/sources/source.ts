import type { RecordBatch } from 'apache-arrow';
import type { ContractDef, InMemorySource, SourceDef } from '../model/contract.js';

/** Values of one column in one batch that did not parse as the contract's type (text formats). */
export interface ParseFailures {
  column: string;
  /** How many values in this batch failed. */
  count: number;
  /** The first few, with the dataset row (0-based) and source line (1-based) when known. */
  samples: { row: number; line?: number; raw: string }[];
  /**
   * Every failed value's dataset row (0-based). The value reads as null in the batch, yet the data
   * had one: checks that count nulls leave these rows to the type check.
   */
  rows: number[];
  /** What the contract expected, e.g. `int64`, `timestamp (ISO 8601)`. */
  expected: string;
}

/** One Arrow RecordBatch of a dataset plus where its rows came from. */
export interface SourceBatch {
  batch: RecordBatch;
  /** 0-based index of the batch's first row within the whole dataset (across files). */
  rowOffset: number;
  /** Source line (1-based) of each row, for text formats; lets a failing row point at its line. */
  lines?: Int32Array;
  /** The file the batch came from (relative to the project root), when the source has files. */
  file?: string;
  parseFailures?: ParseFailures[];
}

/**
 * A dataset opened by datacheck's own readers, as Arrow batches. Reading never modifies the user's
 * files. (Data read in SQL where it lives is opened by src/access/open-dataset.ts.)
 */
export interface OpenedSource {
  /** Human-readable, credential-free description, e.g. `fixtures/orders.csv` or `data/*.parquet (3 files)`. */
  description: string;
  /** The files matched (relative paths), when file-based. */
  files?: string[];
  /** Lineage identity (OpenLineage naming); the runner copies it into the DatasetResult. */
  location?: import('../model/result.js').DatasetLocation;
  /**
   * Streams the batches, in order. Columns named by the contract are typed as the contract says
   * when the format carries no types (CSV, JSON); typed formats (Parquet, Arrow) keep their own
   * types and the schema check compares them. Columns from several files are unioned by name:
   * a column absent from a file is all-null in that file's batches.
   * Throws DatacheckError (with file and line) for unreadable input.
   */
  batches(): AsyncIterable<SourceBatch>;
  /**
   * Optional: the source as independent parts that can be read apart, in any thread, by
   * `readParts` (sources/read-parts.ts), yielding exactly the batches `batches()` yields for
   * them. Undefined when the source cannot be split (streams, gzip, text formats).
   */
  parts?(): Promise<SourceParts | undefined>;
}

/** Everything a worker needs to open parts itself: plain, structured-clonable data. */
export interface PartsSpec {
  format: 'arrow-file';
  /** Every file of the dataset, in dataset order (their union is the dataset's schema). */
  files: { absolute: string; display: string }[];
}

/** One independently readable part, e.g. one record batch of an Arrow IPC file. */
export interface SourcePart {
  /** Index into `PartsSpec.files`. */
  file: number;
  /** Index of the part within its file (the record batch number). */
  index: number;
  /** 0-based dataset row of the part's first row, so row numbers stay exact when read apart. */
  rowOffset: number;
  rows: number;
}

export interface SourceParts {
  spec: PartsSpec;
  /** In dataset order. */
  parts: SourcePart[];
}

/** How an opened file source names itself, computed once whichever engine reads it. */
export type SourceNames = Pick<OpenedSource, 'description' | 'location'>;

export interface OpenSourceContext {
  contract: ContractDef;
  /** Directory that relative paths in the source resolve against (the project root). */
  baseDir: string;
  /** Preferred rows per batch (default 65,536). */
  batchSize?: number;
}

export type OpenSource = (def: SourceDef | InMemorySource, ctx: OpenSourceContext) => Promise<OpenedSource>;
