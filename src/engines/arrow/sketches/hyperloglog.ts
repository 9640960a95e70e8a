/**
 * HyperLogLog (Flajolet, Fusy, Gandouet, Meunier 2007) over 2^p one-byte registers: a distinct
 * count estimate in fixed memory (16 KiB at p = 14) whose states merge exactly (register-wise max),
 * so batches, files and worker threads combine in any order to the same estimate. Its relative
 * standard error is 1.04 / sqrt(2^p). Written here rather than taken from npm: the packages found
 * (`hyperloglog` 0.1.2, unmaintained) keep class instances, and the Arrow engine's states must be
 * plain data (typed arrays) to cross worker threads; the algorithm itself is the few lines below.
 */
export interface HllState {
  p: number;
  registers: Uint8Array;
}

/** p = 14: 16,384 registers, relative standard error 0.81% (Redis's choice too). */
export const HLL_PRECISION = 14;

export const hllInit = (p = HLL_PRECISION): HllState => ({ p, registers: new Uint8Array(1 << p) });

export const relativeStandardError = (p: number): number => 1.04 / Math.sqrt(2 ** p);

/**
 * Adds one hashed key. `index` and `rank` come from two independent 32-bit hashes of the key
 * (see hashWords, hashString): the top p bits of one pick the register, the leading zeros of the
 * other give the rank, so the estimate has 32 bits of rank whatever p is.
 */
export function hllAdd(s: HllState, h1: number, h2: number): void {
  const j = h1 >>> (32 - s.p);
  const rank = Math.clz32(h2) + 1;
  if (rank > s.registers[j]) s.registers[j] = rank;
}

export function hllMerge(a: HllState, b: HllState): HllState {
  const registers = new Uint8Array(a.registers.length);
  for (let j = 0; j < registers.length; j++) registers[j] = Math.max(a.registers[j], b.registers[j]);
  return { p: a.p, registers };
}

/** The raw estimate, with linear counting for small cardinalities (the 2007 paper's correction). */
export function hllEstimate(s: HllState): number {
  const m = s.registers.length;
  let sum = 0;
  let zeros = 0;
  for (let j = 0; j < m; j++) {
    sum += 2 ** -s.registers[j];
    if (s.registers[j] === 0) zeros++;
  }
  const alpha = 0.7213 / (1 + 1.079 / m);
  const raw = (alpha * m * m) / sum;
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  return Math.round(raw);
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** One 32-bit block of MurmurHash3 (x86_32) folded into h. */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3 of a 64-bit key given as two 32-bit words, with a seed. */
export function hashWords(lo: number, hi: number, seed: number): number {
  return finish(mixBlock(mixBlock(seed, lo), hi), 8);
}

/**
 * MurmurHash3 of bytes[start, end) (a string's UTF-8), with a seed. Strings hash their UTF-8 bytes
 * whatever the column's encoding (plain or dictionary), so the same text always lands in the same
 * register and states of differently encoded files merge correctly.
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed;
  let i = start;
  for (; i + 4 <= end; i += 4) h = mixBlock(h, bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
  let tail = 0;
  for (let shift = 0; i < end; i++, shift += 8) tail |= bytes[i] << shift;
  if (end - start > 0 && (end - start) % 4 !== 0) {
    tail = Math.imul(tail, C1);
    tail = (tail << 15) | (tail >>> 17);
    h ^= Math.imul(tail, C2);
  }
  return finish(h, end - start);
}

/** The two seeds of the independent hashes (arbitrary odd constants). */
export const SEED_INDEX = 0x9747b28c;
export const SEED_RANK = 0x5bd1e995;
