import type { Utf8View } from './vec.js';

/**
 * Decodes a plain Utf8 column into one JS string per row. The whole referenced byte range is
 * decoded once; when it is pure ASCII (the common case, e.g. emails and codes) rows are cheap
 * substrings of that one string. Otherwise each row is decoded on its own.
 */
export function decodeUtf8Column(view: Utf8View, n: number): (string | null)[] {
  const { bytes, offsets, valid } = view;
  const out: (string | null)[] = new Array(n);
  if (n === 0) return out;
  const start = offsets[0];
  const end = offsets[n];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
  const all = buf.toString('latin1');
  if (isAscii(buf)) {
    for (let i = 0; i < n; i++) out[i] = valid && valid[i] === 0 ? null : all.substring(offsets[i] - start, offsets[i + 1] - start);
  } else {
    for (let i = 0; i < n; i++) out[i] = valid && valid[i] === 0 ? null : buf.toString('utf8', offsets[i] - start, offsets[i + 1] - start);
  }
  return out;
}

/** True when every byte is < 0x80; checks 4 bytes at a time where alignment allows. */
export function isAscii(buf: Uint8Array): boolean {
  const len = buf.length;
  let i = 0;
  // Align to 4 bytes, then test words.
  while (i < len && (buf.byteOffset + i) % 4 !== 0) if (buf[i++] & 0x80) return false;
  const words = Math.floor((len - i) / 4);
  if (words > 0) {
    const u32 = new Uint32Array(buf.buffer, buf.byteOffset + i, words);
    for (let w = 0; w < words; w++) if (u32[w] & 0x80808080) return false;
    i += words * 4;
  }
  while (i < len) if (buf[i++] & 0x80) return false;
  return true;
}

/** Bytes of each string, for byte-level equality tests against plain Utf8 columns. */
export const utf8Bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/**
 * For each row of a plain Utf8 column: the index of the candidate whose bytes equal the row's
 * bytes, or -1 (no match) or -2 (null). Avoids creating a string per row for `=` and `in`.
 */
export function matchCandidates(view: Utf8View, n: number, candidates: Uint8Array[]): Int32Array {
  const { bytes, offsets, valid } = view;
  const out = new Int32Array(n);
  // Many candidates (a referential check's key set): comparing bytes against each would be
  // rows x keys; decode each row once and look it up in a hash map instead.
  if (candidates.length > HASH_FROM) return matchByHash(view, n, candidates, out);
  // Candidates by byte length: most rows are rejected by one array lookup.
  const maxLen = candidates.reduce((m, c) => Math.max(m, c.length), 0);
  const byLen: number[][] = Array.from({ length: maxLen + 1 }, () => []);
  candidates.forEach((c, k) => byLen[c.length].push(k));
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) {
      out[i] = -2;
      continue;
    }
    const s = offsets[i];
    const len = offsets[i + 1] - s;
    let found = -1;
    if (len <= maxLen) {
      const list = byLen[len];
      for (let j = 0; j < list.length && found < 0; j++) {
        const c = candidates[list[j]];
        let k = 0;
        while (k < len && bytes[s + k] === c[k]) k++;
        if (k === len) found = list[j];
      }
    }
    out[i] = found;
  }
  return out;
}

/** Above this many candidates a hash lookup beats scanning candidates of the same length. */
const HASH_FROM = 16;

function matchByHash(view: Utf8View, n: number, candidates: Uint8Array[], out: Int32Array): Int32Array {
  const { bytes, offsets, valid } = view;
  const index = new Map<string, number>();
  candidates.forEach((c, k) => {
    const key = Buffer.from(c.buffer, c.byteOffset, c.length).toString('latin1');
    if (!index.has(key)) index.set(key, k);
  });
  // latin1 maps bytes 1:1 to chars, so equal byte strings give equal keys without UTF-8 decoding.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) {
      out[i] = -2;
      continue;
    }
    out[i] = index.get(buf.toString('latin1', offsets[i], offsets[i + 1])) ?? -1;
  }
  return out;
}
