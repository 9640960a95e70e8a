import type { Utf8View } from '../expr/vec.js';

/** Distinct strings of one batch with their counts; `first[e]` is a row holding entry e. */
export interface Utf8Counts {
  size: number;
  first: Int32Array;
  counts: Float64Array;
}

/** Entries of one byte length compared one by one before hashing pays off (status codes, flags). */
const FEW = 4;
/** Strings up to this many bytes are looked up by length first. */
const SHORT = 64;

/**
 * Counts the distinct non-null strings of a plain Utf8 column (rows where `mask` is 1, or all) on
 * their bytes, so no JS string is made per row: only the distinct values need decoding afterwards
 * (`decodeRow`). Gives up (null) past `limit` distinct values.
 *
 * Low-cardinality columns, the ones a top-values list is for, are matched by byte length and then
 * bytes against the few entries of that length (most rows are settled by the first differing
 * byte); once a length has more than FEW entries, the rest of the batch goes through a hash table.
 */
export function countUtf8(view: Utf8View, n: number, mask: Uint8Array | null, limit: number): Utf8Counts | null {
  const { bytes, offsets, valid } = view;
  const cap = Math.min(limit, n) + 1;
  const first = new Int32Array(cap);
  const counts = new Float64Array(cap);
  let size = 0;
  // byLength[len * FEW + k] = entry + 1 (0 = empty), for strings of len < SHORT.
  const byLength = new Int32Array(SHORT * FEW);
  let table: HashTable | null = null;
  for (let i = 0; i < n; i++) {
    if ((mask && mask[i] !== 1) || (valid && valid[i] === 0)) continue;
    const start = offsets[i];
    const end = offsets[i + 1];
    const len = end - start;
    if (table === null && len < SHORT) {
      let k = 0;
      let found = -1;
      for (; k < FEW; k++) {
        const e = byLength[len * FEW + k] - 1;
        if (e < 0) break;
        if (sameBytes(bytes, offsets[first[e]], start, len)) {
          found = e;
          break;
        }
      }
      if (found >= 0) {
        counts[found]++;
        continue;
      }
      if (k < FEW) {
        if (size === limit) return null;
        first[size] = i;
        counts[size] = 1;
        byLength[len * FEW + k] = ++size;
        continue;
      }
    }
    if (table === null) {
      // A fifth entry of one length, or a long string: from here on, hash (what was seen included).
      table = new HashTable(cap, bytes, offsets, first);
      for (let e = 0; e < size; e++) table.insert(e);
    }
    const e = table.find(start, len);
    if (e >= 0) {
      counts[e]++;
      continue;
    }
    if (size === limit) return null;
    first[size] = i;
    counts[size] = 1;
    table.insert(size++);
  }
  return { size, first, counts };
}

/** Open addressing on FNV-1a of the bytes, at most half full; slots hold entry + 1. */
class HashTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  constructor(
    entries: number,
    private readonly bytes: Uint8Array,
    private readonly offsets: Int32Array | Float64Array,
    private readonly first: Int32Array,
  ) {
    let capacity = 16;
    while (capacity < 2 * entries) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private hash(start: number, len: number): number {
    let h = 0x811c9dc5 | 0; // as int32, like the hashes stored (an empty string is never multiplied)
    for (let b = start; b < start + len; b++) h = Math.imul(h ^ this.bytes[b], 0x01000193);
    return h;
  }

  /** The entry whose string has these bytes, or -1. */
  find(start: number, len: number): number {
    const h = this.hash(start, len);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot] - 1;
      if (e < 0) return -1;
      if (this.hashes[slot] === h) {
        const row = this.first[e];
        const at = this.offsets[row];
        if (this.offsets[row + 1] - at === len && sameBytes(this.bytes, at, start, len)) return e;
      }
    }
  }

  insert(e: number): void {
    const row = this.first[e];
    const start = this.offsets[row];
    const h = this.hash(start, this.offsets[row + 1] - start);
    let slot = h & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = e + 1;
    this.hashes[slot] = h;
  }
}

/** Equal `len` bytes at `a` and `b` (the caller checked both strings have that length). */
function sameBytes(bytes: Uint8Array, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** The string of row `row` of a plain Utf8 column. */
export function decodeRow(view: Utf8View, row: number): string {
  const { bytes, offsets } = view;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', offsets[row], offsets[row + 1]);
}
