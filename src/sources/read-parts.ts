import { Message, RecordBatchReader, type RecordBatch, type Schema } from 'apache-arrow';
import { open, type FileHandle } from 'node:fs/promises';
import type { PartsSpec, SourceBatch, SourcePart, SourceParts } from './source.js';
import { sourceError } from './source-error.js';
import { conformBatch, unionSchemas } from './union-schema.js';

/**
 * Independent parts of Arrow IPC *files*: every record batch is readable by index through the
 * footer, so threads can read disjoint batch ranges of one file without coordinating. Only the
 * footer and each batch's small metadata message are read to learn the row counts.
 */

interface OpenFile {
  handle: FileHandle;
  reader: RecordBatchReader & { footer: { getRecordBatch(i: number): { offset: number | bigint; metaDataLength: number } | null } | null };
}

const invalid = (display: string, e: unknown) =>
  sourceError('arrow.invalid', display, `not a readable Arrow IPC file or stream: ${(e as Error)?.message ?? String(e)}`, {
    expected: 'Arrow IPC file (ARROW1 magic) or stream',
    found: 'unreadable bytes',
    hint: 'Feather v1 files are not supported; re-save as Feather v2 / Arrow IPC',
  });

async function openFile(absolute: string): Promise<OpenFile | undefined> {
  const handle = await open(absolute, 'r');
  try {
    const reader = (await RecordBatchReader.from(handle as never)) as unknown as OpenFile['reader'];
    await reader.open();
    if (!reader.isFile() || !reader.footer || !reader.schema) {
      await handle.close();
      return undefined; // an IPC stream saved as .arrow: no footer, no random access
    }
    return { handle, reader };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * Lists the record batches of every file with their rows, or undefined when any file is not a
 * readable IPC file (the caller then reads sequentially and reports problems the usual way).
 */
export async function listArrowFileParts(files: { absolute: string; display: string }[]): Promise<SourceParts | undefined> {
  const parts: SourcePart[] = [];
  let rowOffset = 0;
  for (const [f, file] of files.entries()) {
    let opened: OpenFile | undefined;
    try {
      opened = await openFile(file.absolute);
      if (!opened) return undefined;
      const { reader, handle } = opened;
      for (let i = 0; i < reader.numRecordBatches; i++) {
        const block = reader.footer!.getRecordBatch(i);
        if (!block) return undefined;
        const meta = Buffer.alloc(block.metaDataLength);
        await handle.read(meta, 0, meta.length, Number(block.offset));
        // Metadata is prefixed by its length, after a 0xFFFFFFFF continuation marker since format v0.15.
        const at = meta.readInt32LE(0) === -1 ? 8 : 4;
        const message = Message.decode(new Uint8Array(meta.buffer, meta.byteOffset + at, meta.length - at));
        if (!message.isRecordBatch()) return undefined;
        const rows = Number(message.header().length);
        parts.push({ file: f, index: i, rowOffset, rows });
        rowOffset += rows;
      }
    } catch {
      return undefined;
    } finally {
      await opened?.handle.close();
    }
  }
  return { spec: { format: 'arrow-file', files: files.map(({ absolute, display }) => ({ absolute, display })) }, parts };
}

/** The dataset schema: the union of the files' schemas, exactly as open-source.ts computes it. */
export async function partsSchema(spec: PartsSpec): Promise<Schema> {
  const schemas: { file: string; schema: Schema }[] = [];
  for (const file of spec.files) {
    const opened = await openFile(file.absolute).catch((e) => {
      throw invalid(file.display, e);
    });
    if (!opened) throw invalid(file.display, new Error('not an Arrow IPC file (no footer)'));
    schemas.push({ file: file.display, schema: opened.reader.schema });
    await opened.handle.close();
  }
  return unionSchemas(schemas);
}

/**
 * Reads the given parts (in the order given) as the source's `batches()` would yield them:
 * conformed to the dataset schema, with their dataset row offset and file. A part that cannot be
 * read, or whose rows differ from the listing (the file changed), is a DatacheckError naming the file.
 */
export async function* readParts(spec: PartsSpec, parts: SourcePart[], schema?: Schema): AsyncIterable<SourceBatch> {
  const target = schema ?? (await partsSchema(spec));
  const files = new Map<number, Promise<OpenFile>>();
  const fileOf = (f: number): Promise<OpenFile> => {
    let p = files.get(f);
    if (!p) {
      const { absolute, display } = spec.files[f];
      p = openFile(absolute).then(
        (opened) => opened ?? Promise.reject(invalid(display, new Error('not an Arrow IPC file (no footer)'))),
        (e) => Promise.reject(invalid(display, e)),
      );
      p.catch(() => {}); // observed when awaited below
      files.set(f, p);
    }
    return p;
  };
  const read = async (part: SourcePart): Promise<RecordBatch | null> => {
    const opened = await fileOf(part.file);
    try {
      return (await opened.reader.readRecordBatch(part.index)) as RecordBatch | null;
    } catch (e) {
      throw invalid(spec.files[part.file].display, e);
    }
  };
  try {
    // One read ahead: the next batch's bytes arrive (libuv thread pool) while this one is computed.
    let next = parts.length > 0 ? read(parts[0]) : undefined;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const display = spec.files[part.file].display;
      const batch = await next!;
      next = i + 1 < parts.length ? read(parts[i + 1]) : undefined;
      next?.catch(() => {}); // observed on the next turn; not unhandled if this turn throws
      if (parts[i + 1]?.file !== part.file) {
        // Done with this file: close it now, so a glob of many files never holds many handles.
        const done = files.get(part.file);
        files.delete(part.file);
        await done?.then(
          (o) => o.handle.close(),
          () => {},
        );
      }
      if (!batch || batch.numRows !== part.rows) {
        throw sourceError(
          'arrow.changed',
          display,
          `record batch ${part.index} ${batch ? `has ${batch.numRows} rows` : 'is missing'}; the file changed while it was being read`,
          {
            expected: `record batch ${part.index} with ${part.rows} rows`,
            found: batch ? `${batch.numRows} rows` : 'no such batch',
          },
        );
      }
      if (batch.numRows === 0) continue;
      yield { batch: conformBatch(batch, target), rowOffset: part.rowOffset, file: display };
    }
  } finally {
    for (const p of files.values())
      await p.then(
        (o) => o.handle.close(),
        () => {},
      );
  }
}
