/**
 * Open-addressing hash table keyed by 64-bit patterns (two int32 words), with a count and the
 * first row number per key. Used for exact distinct and duplicate counts over numbers,
 * int64 beyond 2^53 included, without allocating a BigInt or string per row.
 *
 * Slots are interleaved in one Int32Array, [lo, hi, count, firstRow] (firstRow as uint32), so a
 * probe touches one cache line. A count of 0 marks an empty slot.
 */
export class Int64Table {
  slots: Int32Array;
  size = 0;
  private mask: number;
  private limit: number;

  constructor(capacity = 1024) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, capacity / 0.7)));
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    this.limit = Math.floor(cap * 0.7);
  }

  /** Adds `count` occurrences of a key first seen at `row`; returns the key's count before. */
  add(lo: number, hi: number, row: number, count = 1): number {
    if (this.size >= this.limit) this.grow();
    const s = this.slots;
    const m = this.mask;
    let h = hash(lo, hi) & m;
    for (;;) {
      const p = h << 2;
      const c = s[p + 2];
      if (c === 0) {
        s[p] = lo;
        s[p + 1] = hi;
        s[p + 2] = count;
        s[p + 3] = row;
        this.size++;
        return 0;
      }
      if (s[p] === lo && s[p + 1] === hi) {
        s[p + 2] = c + count;
        if (row >>> 0 < s[p + 3] >>> 0) s[p + 3] = row;
        return c;
      }
      h = (h + 1) & m;
    }
  }

  /** The first row of a key present in the table. */
  firstRow(lo: number, hi: number): number {
    const s = this.slots;
    let h = hash(lo, hi) & this.mask;
    while (s[(h << 2) + 2] !== 0 && !(s[h << 2] === lo && s[(h << 2) + 1] === hi)) h = (h + 1) & this.mask;
    return s[(h << 2) + 3] >>> 0;
  }

  has(lo: number, hi: number): boolean {
    const s = this.slots;
    let h = hash(lo, hi) & this.mask;
    for (;;) {
      const p = h << 2;
      if (s[p + 2] === 0) return false;
      if (s[p] === lo && s[p + 1] === hi) return true;
      h = (h + 1) & this.mask;
    }
  }

  forEach(f: (lo: number, hi: number, count: number, first: number) => void): void {
    const s = this.slots;
    for (let p = 0; p < s.length; p += 4) if (s[p + 2] !== 0) f(s[p], s[p + 1], s[p + 2], s[p + 3] >>> 0);
  }

  /** Sum of counts of keys seen more than once (rows that are duplicates). */
  duplicateRows(): number {
    const s = this.slots;
    let n = 0;
    for (let p = 2; p < s.length; p += 4) if (s[p] > 1) n += s[p];
    return n;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const s = new Int32Array(cap * 4);
    const m = cap - 1;
    for (let p = 0; p < old.length; p += 4) {
      if (old[p + 2] === 0) continue;
      let h = hash(old[p], old[p + 1]) & m;
      while (s[(h << 2) + 2] !== 0) h = (h + 1) & m;
      const q = h << 2;
      s[q] = old[p];
      s[q + 1] = old[p + 1];
      s[q + 2] = old[p + 2];
      s[q + 3] = old[p + 3];
    }
    this.slots = s;
    this.mask = m;
    this.limit = Math.floor(cap * 0.7);
  }
}

/** Mixes both words (murmur3 finaliser) so sequential ids spread over the table. */
function hash(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
