import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/**
 * Checks a byte stream chunk by chunk for invalid UTF-8. `isUtf8` is simdutf underneath (measured
 * in the README's bench figures: a few ms per 100 MB), so the common case costs almost nothing; the
 * position of a bad sequence is only searched for once one is known to exist. A sequence split
 * across two chunks is carried over to the next one.
 */
export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;

  /** The stream offset of the first invalid byte in `chunk` (with what was carried), or -1. */
  feed(chunk: Buffer): number {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const start = this.offset;
    const complete = bytes.length - incompleteTail(bytes);
    this.carry = Buffer.from(bytes.subarray(complete));
    this.offset += complete;
    if (isUtf8(bytes.subarray(0, complete))) return -1;
    return start + firstInvalid(bytes.subarray(0, complete));
  }

  /** At the end of the stream: the offset of a sequence cut short, or -1. */
  end(): number {
    return this.carry.length ? this.offset : -1;
  }
}

/** Bytes at the end that start a multi-byte sequence the buffer does not finish (0 to 3). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Index of the first byte that does not begin a valid sequence (only called on invalid input). */
function firstInvalid(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const len = validSequenceLength(b, i);
    if (len === 0) return i;
    i += len;
  }
  return b.length;
}

function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no surrogates
  if (c >= 0xe1 && c <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The 1-based line (`\n`, `\r\n` or `\r` ends one) holding byte `offset` of the stream. */
export async function lineAtOffset(input: Readable, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  let lastWasCr = false;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const end = Math.min(chunk.length, offset - seen);
      for (let i = 0; i < end; i++) {
        const b = chunk[i];
        if (b === 0x0a) {
          if (!lastWasCr) line++;
          lastWasCr = false;
        } else if (b === 0x0d) {
          line++;
          lastWasCr = true;
        } else lastWasCr = false;
      }
      seen += chunk.length;
      if (seen >= offset) break;
    }
  } finally {
    input.destroy();
  }
  return line;
}

export interface TextScan {
  /** The offset of the first byte that is not UTF-8, or -1. */
  invalidUtf8At: number;
  /** More than one of `\n`, `\r\n` and `\r` ends lines (inside quoted fields too). */
  mixedLineEndings: boolean;
}

/**
 * One pass over a text file for what DuckDB's CSV reader cannot be trusted with: bytes that are
 * not UTF-8, and mixed line endings (its strict mode accepts one kind per file; datacheck's reader,
 * and the README, accept all three). A file without `\r` costs one memchr per chunk for the latter.
 */
export async function scanText(input: Readable): Promise<TextScan> {
  const check = new Utf8Check();
  const endings = { lf: false, crlf: false, cr: false };
  let pendingCr = false;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const bad = check.feed(chunk);
      if (bad >= 0) return { invalidUtf8At: bad, mixedLineEndings: false };
      if (pendingCr) {
        if (chunk[0] === 0x0a) endings.crlf = true;
        else endings.cr = true;
      }
      pendingCr = lineEndingsOf(chunk, endings, pendingCr);
    }
    if (pendingCr) endings.cr = true;
    const kinds = Number(endings.lf) + Number(endings.crlf) + Number(endings.cr);
    return { invalidUtf8At: check.end(), mixedLineEndings: kinds > 1 };
  } finally {
    input.destroy();
  }
}

/** Marks the kinds of line ending in `chunk`; returns whether it ends in a `\r` the next chunk decides. */
function lineEndingsOf(chunk: Buffer, endings: { lf: boolean; crlf: boolean; cr: boolean }, startsAfterCr: boolean): boolean {
  if (endings.lf && (endings.crlf || endings.cr)) return false; // already mixed
  if (chunk.indexOf(0x0d) < 0) {
    const firstLf = chunk.indexOf(0x0a, startsAfterCr ? 1 : 0);
    if (firstLf >= 0) endings.lf = true;
    return false;
  }
  for (let i = chunk.indexOf(0x0d); i >= 0; i = chunk.indexOf(0x0d, i + 1)) {
    if (i === chunk.length - 1) return true;
    if (chunk[i + 1] === 0x0a) endings.crlf = true;
    else endings.cr = true;
  }
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) {
    if (i === 0 ? !startsAfterCr : chunk[i - 1] !== 0x0d) {
      endings.lf = true;
      break;
    }
  }
  return false;
}
