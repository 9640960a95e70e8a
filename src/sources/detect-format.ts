import type { FileFormat } from '../model/contract.js';
import { sourceError } from './source-error.js';

export type ReadFormat = FileFormat | 'arrow-stream';

const BY_EXTENSION: Record<string, ReadFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  parquet: 'parquet',
  arrow: 'arrow',
  feather: 'arrow',
  ipc: 'arrow',
  arrows: 'arrow-stream',
};

/** `.gz` is stripped first; `format` wins over the extension. */
export function detectFormat(file: string, format: FileFormat | undefined): { format: ReadFormat; gzip: boolean } {
  const gzip = /\.gz$/i.test(file);
  const base = gzip ? file.slice(0, -3) : file;
  if (format) return { format, gzip };
  const ext = /\.([^./\\]+)$/.exec(base)?.[1]?.toLowerCase() ?? '';
  const found = BY_EXTENSION[ext];
  if (!found) {
    throw sourceError('source.unknown_format', file, `cannot tell the format from the extension '.${ext}'`, {
      expected: Object.keys(BY_EXTENSION)
        .map((e) => `.${e}`)
        .join(', '),
      found: ext ? `.${ext}` : 'no extension',
      hint: "set `format` in the source, e.g. { file: '...', format: 'csv' }",
    });
  }
  return { format: found, gzip };
}
