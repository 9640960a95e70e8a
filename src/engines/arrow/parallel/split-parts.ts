import type { SourcePart } from '../../../sources/source.js';

/**
 * Splits parts (in dataset order) into at most `ranges` contiguous, non-empty ranges. Contiguity
 * keeps merged results identical to one pass: every state of range k covers rows before those of
 * range k + 1. Range 0 (the main thread, which starts at once) gets `headStart` more rows than
 * its equal share, the time a worker needs to start; the other ranges share the rest equally.
 */
export function splitParts(parts: SourcePart[], ranges: number, headStart = 0): SourcePart[][] {
  const k = Math.max(1, Math.min(ranges, parts.length));
  const total = parts.reduce((n, p) => n + p.rows, 0);
  const lead = Math.min(headStart, total * 0.1); // small data: never more than a tenth
  const first = k === 1 ? total : total / k + (lead * (k - 1)) / k;
  const ends = Array.from({ length: k }, (_, j) => (j === 0 ? first : first + (j * (total - first)) / (k - 1)));
  const out: SourcePart[][] = [];
  let current: SourcePart[] = [];
  let seen = 0;
  for (const [i, part] of parts.entries()) {
    const left = parts.length - i; // including this one
    const rangesLeft = k - out.length - 1; // after the current range
    // Close the current range before this part when it reached its end (nearest boundary), or
    // when only one part is left for each remaining range.
    if (current.length > 0 && rangesLeft > 0 && (left === rangesLeft || seen + part.rows / 2 > ends[out.length])) {
      out.push(current);
      current = [];
    }
    current.push(part);
    seen += part.rows;
  }
  if (current.length > 0) out.push(current);
  return out;
}
