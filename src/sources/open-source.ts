import type { SourceDef } from '../model/contract.js';
import type { OpenSource, OpenSourceContext, OpenedSource, SourceBatch } from './source.js';
import { arrowIpcReader } from './arrow-ipc-source.js';
import { csvReader } from './csv-source.js';
import { detectFormat } from './detect-format.js';
import { fileLocation } from './file-location.js';
import type { FormatOptions, FormatReader } from './format-reader.js';
import { jsonReader } from './json-source.js';
import { listArrowFileParts } from './read-parts.js';
import { resolveFiles } from './resolve-files.js';
import type { ResolvedFile } from './resolve-files.js';
import { sourceError } from './source-error.js';
import { duckdbFileTarget } from './duckdb-files.js';
import { openSqlSource } from './sql-sources.js';
import { conformBatch, emptyBatch, unionSchemas } from './union-schema.js';

const DEFAULT_BATCH_SIZE = 65_536;

/**
 * Opens a source. Files: paths/globs -> sorted files -> either DuckDB scanning them in SQL (the
 * default for Parquet when the run has connections) or one Arrow reader per format, batches
 * unioned by column name. Tables and queries of a named connection are read in SQL only.
 */
export const openSource: OpenSource = async (def, ctx) => {
  if ('table' in def || 'query' in def) return openSqlSource(def, ctx);
  if (!('file' in def)) {
    throw sourceError('source.unsupported', ctx.contract.name, 'dbt sources cannot be read yet; only { file }, { table } and { query } sources are supported', {
      expected: '{ file: ... }', found: '{ dbt: ... }',
    });
  }
  const patterns = Array.isArray(def.file) ? def.file : [def.file];
  const files = await resolveFiles(patterns, ctx.baseDir);
  const description = files.length === 1 ? files[0].display : `${patterns.join(', ')} (${files.length} files)`;
  const sql = ctx.connections ? await duckdbFileTarget(def, files, ctx) : undefined;
  if (!sql) return openArrowFiles(def, ctx, files, description);
  // The Arrow readers are opened only if a metric falls back to streaming.
  let arrow: Promise<OpenedSource> | undefined;
  const viaArrow = () => (arrow ??= openArrowFiles(def, ctx, files, description));
  return {
    description,
    files: files.map((f) => f.display),
    location: fileLocation(patterns, ctx.baseDir),
    sql,
    ...(def.fallback === 'arrow' && { fallback: 'arrow' as const }),
    async *batches() {
      yield* (await viaArrow()).batches();
    },
  };
};

async function openArrowFiles(def: Extract<SourceDef, { file: unknown }>, ctx: OpenSourceContext, files: ResolvedFile[], description: string): Promise<OpenedSource> {
  const batchSize = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
  const readers = files.map((file) => {
    const { format, gzip } = detectFormat(file.display, def.format);
    return { file, splittable: format === 'arrow' && !gzip, reader: makeReader(format, { file, gzip, contract: ctx.contract, source: def, batchSize }) };
  });
  const schemas = [];
  for (const { file, reader } of readers) schemas.push({ file: file.display, schema: await reader.schema() });
  const schema = unionSchemas(schemas);

  const opened: OpenedSource = {
    description,
    files: files.map((f) => f.display),
    location: fileLocation(Array.isArray(def.file) ? def.file : [def.file], ctx.baseDir),
    async *batches(): AsyncIterable<SourceBatch> {
      let rowOffset = 0;
      for (const { file, reader } of readers) {
        for await (const fb of reader.batches(rowOffset)) {
          if (fb.batch.numRows === 0) continue;
          const out: SourceBatch = { batch: conformBatch(fb.batch, schema), rowOffset, file: file.display };
          if (fb.lines) out.lines = fb.lines;
          if (fb.parseFailures) out.parseFailures = fb.parseFailures;
          rowOffset += fb.batch.numRows;
          yield out;
        }
      }
      // A dataset with no rows still has columns: one empty batch carries the schema to the engine.
      if (rowOffset === 0) yield { batch: conformBatch(emptyBatch(schema), schema), rowOffset: 0 };
    },
  };
  // Uncompressed Arrow IPC files can be read batch by batch in any order (worker threads).
  if (readers.every((r) => r.splittable)) opened.parts = () => listArrowFileParts(files);
  return opened;
}

function makeReader(format: ReturnType<typeof detectFormat>['format'], opts: FormatOptions): FormatReader {
  switch (format) {
    case 'csv': case 'tsv': return csvReader(opts);
    case 'json': return jsonReader(opts, 'array');
    case 'ndjson': return jsonReader(opts, 'lines');
    case 'parquet': return lazyParquetReader(opts);
    case 'arrow': return arrowIpcReader(opts, 'file');
    case 'arrow-stream': return arrowIpcReader(opts, 'stream');
  }
}

/** parquet-wasm costs ~0.3 s to load: only runs that decode Parquet in JavaScript pay for it. */
function lazyParquetReader(opts: FormatOptions): FormatReader {
  let reader: Promise<FormatReader> | undefined;
  const real = () => (reader ??= import('./parquet-source.js').then((m) => m.parquetReader(opts)));
  return {
    schema: async () => (await real()).schema(),
    async *batches(rowOffset) {
      yield* (await real()).batches(rowOffset);
    },
  };
}
