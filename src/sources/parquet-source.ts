import { RecordBatchReader, tableFromIPC, type RecordBatch, type Schema } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { ParquetFile, readParquet, readSchema } from 'parquet-wasm/node';
import type { FileBatch, FormatOptions, FormatReader } from './format-reader.js';
import { rewriteWithDuckDB } from './parquet-duckdb-rewrite.js';
import { sourceError } from './source-error.js';

// parquet-wasm decodes ~5M rows/s here (see the report); DuckDB -> JS -> Arrow was ~17x slower.
// Only the synchronous readParquet is used: errors inside parquet-wasm's async stream() escape
// as uncaught exceptions and kill the process, while readParquet throws where we can catch it.
const PARQUET_BATCH_ROWS = 122_880;

interface Decoded {
  bytes: Uint8Array;
  rowGroups: number[];
  schema: Schema;
  /** Row group 0, decoded while opening to validate the reader against the footer's row counts. */
  first?: RecordBatch[];
  cleanup?: () => Promise<void>;
}

function message(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m === 'unreachable' ? 'the decoder panicked (unreachable)' : m;
}

function decodeGroup(bytes: Uint8Array, rg: number, batchSize: number): RecordBatch[] {
  const table = readParquet(bytes, { rowGroups: [rg], batchSize });
  return [...RecordBatchReader.from(table.intoIPCStream())];
}

async function openWithWasm(bytes: Uint8Array, batchSize: number): Promise<Decoded> {
  const pf = await ParquetFile.fromFile(new Blob([bytes]));
  const meta = pf.metadata();
  const rowGroups = meta.rowGroups().map((g) => g.numRows());
  pf.free();
  const schema = tableFromIPC(readSchema(bytes).intoIPCStream()).schema;
  const decoded: Decoded = { bytes, rowGroups, schema };
  if (rowGroups.length > 0) {
    const first = decodeGroup(bytes, 0, batchSize);
    const got = first.reduce((s, b) => s + b.numRows, 0);
    if (got !== rowGroups[0]) throw new Error(`row group 0 decoded to ${got} rows, the footer says ${rowGroups[0]}`);
    decoded.first = first;
  }
  return decoded;
}

/**
 * Parquet via parquet-wasm, one row group at a time. Files parquet-wasm cannot decode but DuckDB
 * can (e.g. unknown logical types, a dictionary page at offset 0, some legacy nested encodings)
 * are rewritten by DuckDB to a temporary Parquet file and read from there.
 */
export function parquetReader(opts: FormatOptions): FormatReader {
  const { file, gzip } = opts;
  const batchSize = Math.max(opts.batchSize, PARQUET_BATCH_ROWS);
  let opened: Promise<Decoded> | undefined;

  const invalid = (why: string, fallbackWhy?: string) =>
    sourceError('parquet.invalid', file.display, `cannot read Parquet: ${why}${fallbackWhy ? `; DuckDB: ${fallbackWhy}` : ''}`, {
      expected: 'a valid Parquet file',
      found: why,
    });

  async function load(): Promise<Decoded> {
    const bytes = gzip ? gunzipSync(await readFile(file.absolute)) : new Uint8Array(await readFile(file.absolute));
    if (
      bytes.length < 12 ||
      Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== 'PAR1' ||
      Buffer.from(bytes.subarray(bytes.length - 4)).toString('latin1') !== 'PAR1'
    ) {
      throw invalid(
        `missing the PAR1 magic at the ${bytes.length >= 4 && Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'PAR1' ? 'end (truncated file?)' : 'start'}`,
      );
    }
    try {
      return await openWithWasm(bytes, batchSize);
    } catch (e) {
      const why = message(e);
      // Corrupt pages are reported, not second-guessed by a more lenient reader.
      if (!/Could not parse metadata|decoded to \d+ rows/.test(why)) throw invalid(why);
      const rewritten = await rewriteWithDuckDB(file.absolute, bytes).catch((d: unknown) => {
        throw invalid(why, message(d));
      });
      try {
        return { ...(await openWithWasm(rewritten.bytes, batchSize)), cleanup: rewritten.cleanup };
      } catch (e2) {
        await rewritten.cleanup();
        throw invalid(why, `rewritten file still unreadable: ${message(e2)}`);
      }
    }
  }

  const get = () => (opened ??= load());

  return {
    async schema() {
      return (await get()).schema;
    },
    async *batches(): AsyncIterable<FileBatch> {
      const d = await get();
      opened = undefined; // a second pass re-reads the file instead of keeping it in memory
      try {
        for (let rg = 0; rg < d.rowGroups.length; rg++) {
          let batches: RecordBatch[];
          if (rg === 0 && d.first) batches = d.first;
          else {
            try {
              batches = decodeGroup(d.bytes, rg, batchSize);
            } catch (e) {
              throw invalid(`row group ${rg}: ${message(e)}`);
            }
          }
          d.first = undefined;
          const got = batches.reduce((s, b) => s + b.numRows, 0);
          if (got !== d.rowGroups[rg]) throw invalid(`row group ${rg} decoded to ${got} rows, the footer says ${d.rowGroups[rg]}`);
          for (const batch of batches) yield { batch };
        }
      } finally {
        await d.cleanup?.();
      }
    },
  };
}
