import type { RecordBatch, Schema } from 'apache-arrow';
import type { ContractDef, SourceDef } from '../model/contract.js';
import type { ParseFailures } from './source.js';
import type { ResolvedFile } from './resolve-files.js';

/** What one file yields before files are unioned; rows are numbered within the file. */
export interface FileBatch {
  batch: RecordBatch;
  lines?: Int32Array;
  parseFailures?: ParseFailures[];
}

/** One data file opened by a format module. Reading never writes to the file. */
export interface FormatReader {
  /** The file's own schema (cheap: header, footer or a pre-scan), known before any batch. */
  schema(): Promise<Schema>;
  /** `rowOffset` is the dataset row of the file's first row, for parse-failure samples. */
  batches(rowOffset: number): AsyncIterable<FileBatch>;
}

export interface FormatOptions {
  file: ResolvedFile;
  gzip: boolean;
  contract: ContractDef;
  source: Extract<SourceDef, { file: unknown }>;
  batchSize: number;
}
