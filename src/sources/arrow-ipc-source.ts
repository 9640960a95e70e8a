import { RecordBatchReader, type RecordBatch, type Schema } from 'apache-arrow';
import { open } from 'node:fs/promises';
import type { FileBatch, FormatOptions, FormatReader } from './format-reader.js';
import { inputError, openInput } from './open-input.js';
import { sourceError } from './source-error.js';

/**
 * Arrow IPC file (`.arrow`, Feather v2) and stream (`.arrows`) formats. apache-arrow detects which
 * one from the magic bytes, so a stream saved as `.arrow` still reads. Uncompressed files are read
 * through a FileHandle: the file reader seeks to each batch instead of buffering the file.
 */
export function arrowIpcReader(opts: FormatOptions, _declared: 'file' | 'stream'): FormatReader {
  const { file, gzip } = opts;

  const invalid = (e: unknown) =>
    inputError(e, file) ??
    sourceError('arrow.invalid', file.display, `not a readable Arrow IPC file or stream: ${(e as Error).message}`, {
      expected: 'Arrow IPC file (ARROW1 magic) or stream',
      found: 'unreadable bytes',
      hint: 'Feather v1 files are not supported; re-save as Feather v2 / Arrow IPC',
    });

  async function openReader() {
    const handle = gzip ? undefined : await open(file.absolute, 'r');
    try {
      const reader = (await RecordBatchReader.from((handle ?? openInput(file, true)) as never)) as unknown as AsyncIterable<RecordBatch> & {
        schema: Schema;
        open(): Promise<unknown>;
        cancel(): Promise<void> | void;
      };
      await reader.open();
      if (!reader.schema) throw new Error('no schema message found');
      return {
        reader,
        close: async () => {
          await Promise.resolve(reader.cancel()).catch(() => {});
          await handle?.close();
        },
      };
    } catch (e) {
      await handle?.close();
      throw invalid(e);
    }
  }

  return {
    async schema(): Promise<Schema> {
      const { reader, close } = await openReader();
      const schema = reader.schema;
      await close();
      return schema;
    },
    async *batches(): AsyncIterable<FileBatch> {
      const { reader, close } = await openReader();
      try {
        for await (const batch of reader) yield { batch };
      } catch (e) {
        throw invalid(e);
      } finally {
        await close();
      }
    },
  };
}
