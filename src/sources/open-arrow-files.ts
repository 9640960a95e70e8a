import type { SourceDef } from '../model/contract.js';
import type { OpenSourceContext, OpenedSource, SourceBatch, SourceNames } from './source.js';
import { arrowIpcReader } from './arrow-ipc-source.js';
import { csvReader } from './csv-source.js';
import { detectFormat } from './detect-format.js';
import type { FormatOptions, FormatReader } from './format-reader.js';
import { jsonReader } from './json-source.js';
import { listArrowFileParts } from './read-parts.js';
import type { ResolvedFile } from './resolve-files.js';
import { conformBatch, emptyBatch, unionSchemas } from './union-schema.js';

/*
 * Files read by datacheck's own readers into Arrow batches. A module of its own so that a run
 * whose every source is read in SQL never loads apache-arrow and the readers (~0.2-0.3 s of
 * start-up): open-source.ts imports it on first use.
 */

const DEFAULT_BATCH_SIZE = 65_536;

export async function openArrowFiles(
  def: Extract<SourceDef, { file: unknown }>,
  ctx: OpenSourceContext,
  files: ResolvedFile[],
  named: SourceNames,
): Promise<OpenedSource> {
  const batchSize = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
  const readers = files.map((file) => {
    const { format, gzip } = detectFormat(file.display, def.format);
    return {
      file,
      splittable: format === 'arrow' && !gzip,
      reader: makeReader(format, { file, gzip, contract: ctx.contract, source: def, batchSize }),
    };
  });
  const schemas = [];
  for (const { file, reader } of readers) schemas.push({ file: file.display, schema: await reader.schema() });
  const schema = unionSchemas(schemas);

  const opened: OpenedSource = {
    ...named,
    files: files.map((f) => f.display),
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
    case 'csv':
    case 'tsv':
      return csvReader(opts);
    case 'json':
      return jsonReader(opts, 'array');
    case 'ndjson':
      return jsonReader(opts, 'lines');
    case 'parquet':
      return lazyParquetReader(opts);
    case 'arrow':
      return arrowIpcReader(opts, 'file');
    case 'arrow-stream':
      return arrowIpcReader(opts, 'stream');
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
