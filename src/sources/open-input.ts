import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isDatacheckError, type DatacheckError } from '../model/issue.js';
import { sourceError } from './source-error.js';
import type { ResolvedFile } from './resolve-files.js';

/** A read-only byte stream of the file, gunzipped on the fly for `.gz` (never a whole-file buffer). */
export function openInput(file: ResolvedFile, gzip: boolean, highWaterMark = 1 << 20): Readable {
  const raw = createReadStream(file.absolute, { flags: 'r', highWaterMark });
  if (!gzip) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 16 });
  raw.on('error', (e) => gunzip.destroy(e));
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip);
}

/** Turns an I/O or zlib error into a DatacheckError naming the file; DatacheckErrors pass through. */
export function inputError(e: unknown, file: ResolvedFile): DatacheckError | undefined {
  if (isDatacheckError(e)) return e;
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && err.code.startsWith('Z_')) {
    return sourceError('source.invalid_gzip', file.display, `cannot gunzip: ${err.message}`, {
      expected: 'gzip-compressed data',
      found: 'corrupt or non-gzip bytes',
    });
  }
  if (typeof err?.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
    return sourceError('source.io', file.display, `cannot read the file: ${err.message}`);
  }
  return undefined;
}
