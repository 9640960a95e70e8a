import type { Utf8View } from '../../../expr/eval/vec.js';

/** Distinct strings of one batch with their counts; `first[e]` is a row holding entry e. */
export interface Utf8Counts {
  size: number;
  first: Int32Array;
  counts: Float64Array;
}

/**
 * Counts the distinct non-null strings of a plain Utf8 column (rows where `mask` is 1, or all) by
 * hashing and comparing their bytes, so no JS string is made per row: only the distinct values
 * need decoding afterwards (`decodeRow`). Gives up (null) past `limit` distinct values.
 */
export function countUtf8(view: Utf8View, n: number, mask: Uint8Array | null, limit: number): Utf8Counts | null {
  const { bytes, offsets, valid } = view;
  // Open addressing, at most half full; slots hold entry + 1 (0 = empty).
  let capacity = 16;
  while (capacity < 2 * (Math.min(limit, n) + 1)) capacity *= 2;
  const slots = new Int32Array(capacity);
  const hashes = new Int32Array(capacity);
  const first = new Int32Array(Math.min(limit, n) + 1);
  const counts = new Float64Array(first.length);
  const maskBits = capacity - 1;
  let size = 0;
  for (let i = 0; i < n; i++) {
    if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
    const start = offsets[i];
    const end = offsets[i + 1];
    let h = 0x811c9dc5; // FNV-1a
    for (let b = start; b < end; b++) h = Math.imul(h ^ bytes[b], 0x01000193);
    let slot = h & maskBits;
    for (;;) {
      const entry = slots[slot] - 1;
      if (entry < 0) {
        if (size === limit) return null;
        first[size] = i;
        counts[size] = 1;
        hashes[slot] = h;
        slots[slot] = ++size;
        break;
      }
      if (hashes[slot] === h && sameBytes(bytes, offsets[first[entry]], offsets[first[entry] + 1], start, end)) {
        counts[entry]++;
        break;
      }
      slot = (slot + 1) & maskBits;
    }
  }
  return { size, first, counts };
}

function sameBytes(bytes: Uint8Array, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (bytes[a0 + k] !== bytes[b0 + k]) return false;
  return true;
}

/** The string of row `row` of a plain Utf8 column. */
export function decodeRow(view: Utf8View, row: number): string {
  const { bytes, offsets } = view;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', offsets[row], offsets[row + 1]);
}
