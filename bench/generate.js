// Writes the orders table as Parquet (DuckDB COPY) and as an Arrow IPC file (DuckDB -> JS ->
// RecordBatchFileWriter, one batch at a time), or reuses them when the manifest says they are current.
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordBatchFileWriter } from 'apache-arrow';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BATCH_ROWS, DATA_VERSION } from './config.js';
import { ordersSelect } from './generate-sql.js';
import { OrdersBatchBuilder } from './ipc-batch-builder.js';

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

/** Paths of the generated files for a given size (tests use small tables in their own dir). */
export function dataPaths(dir, rows) {
  return {
    parquet: path.join(dir, `orders-${rows}.parquet`),
    arrow: path.join(dir, `orders-${rows}.arrow`),
    manifest: path.join(dir, `orders-${rows}.manifest.json`),
  };
}

async function currentManifest(paths, rows, batchRows) {
  try {
    const m = JSON.parse(await readFile(paths.manifest, 'utf8'));
    if (m.version !== DATA_VERSION || m.rows !== rows || m.batchRows !== batchRows) return undefined;
    // Sizes guard against a file truncated or replaced since it was generated.
    const [p, a] = await Promise.all([stat(paths.parquet), stat(paths.arrow)]);
    return p.size === m.parquetBytes && a.size === m.arrowBytes ? m : undefined;
  } catch {
    return undefined;
  }
}

async function writeArrowIpc(conn, parquetPath, arrowPath, batchRows) {
  const tmp = `${arrowPath}.tmp`;
  const writer = new RecordBatchFileWriter();
  const sink = createWriteStream(tmp);
  const piped = writer.toNodeStream().pipe(sink);
  const finished = once(piped, 'finish');
  // Timestamps travel as BIGINT microseconds: no per-row value objects on the JS side.
  const result = await conn.stream(
    `SELECT order_id, customer_id, amount, status, email, epoch_us(ordered_at) AS ordered_at
     FROM read_parquet(${sqlString(parquetPath)})`,
  );
  const builder = new OrdersBatchBuilder(batchRows);
  let batches = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (let from = 0; from < chunk.rowCount; ) {
      from += builder.appendChunk(chunk, from);
      if (builder.full) {
        writer.write(builder.flush());
        batches++;
        // Let the file stream drain so written batches do not pile up in memory.
        if (sink.writableLength > 64 * 1024 * 1024) await once(sink, 'drain');
      }
    }
  }
  if (builder.length > 0) {
    writer.write(builder.flush());
    batches++;
  }
  writer.finish();
  await finished;
  await rename(tmp, arrowPath);
  return batches;
}

/**
 * Ensures the Parquet and Arrow IPC files for `rows` rows exist in `dir`. Returns their paths, the
 * manifest, and `generatedMs` (undefined when the files were reused).
 */
export async function ensureData({ dir, rows, batchRows = BATCH_ROWS, force = false, log = () => {} }) {
  const paths = dataPaths(dir, rows);
  const existing = force ? undefined : await currentManifest(paths, rows, batchRows);
  if (existing) return { paths, manifest: existing, generatedMs: undefined };

  await mkdir(dir, { recursive: true });
  await rm(paths.manifest, { force: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    log(`generating ${rows.toLocaleString('en-US')} rows -> ${path.relative(process.cwd(), paths.parquet)}`);
    const tmpParquet = `${paths.parquet}.tmp`;
    await conn.run(`COPY (${ordersSelect(rows)}) TO ${sqlString(tmpParquet)} (FORMAT parquet, ROW_GROUP_SIZE ${batchRows})`);
    await rename(tmpParquet, paths.parquet);
    const parquetMs = performance.now() - started;
    log(`converting -> ${path.relative(process.cwd(), paths.arrow)}`);
    const batches = await writeArrowIpc(conn, paths.parquet, paths.arrow, batchRows);
    const generatedMs = performance.now() - started;
    const versionRow = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjects()[0];
    const [p, a] = await Promise.all([stat(paths.parquet), stat(paths.arrow)]);
    const manifest = {
      version: DATA_VERSION,
      rows,
      batchRows,
      arrowBatches: batches,
      duckdb: String(versionRow.v),
      parquetBytes: p.size,
      arrowBytes: a.size,
      parquetMs: Math.round(parquetMs),
      generatedMs: Math.round(generatedMs),
      generatedAt: new Date().toISOString(),
    };
    await writeFile(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    return { paths, manifest, generatedMs };
  } finally {
    conn.closeSync?.();
    instance.closeSync?.();
  }
}
