import type { KeyPart } from './metric.js';

/**
 * One key as text, so that keys from different engines meet in one Set: JSON of its parts keeps
 * `1` and `'1'` apart (an int key never equals a text key, as in SQL) and `-0` is written `0`.
 */
export function keyText(parts: readonly KeyPart[]): string {
  return JSON.stringify(parts.map((p) => (Object.is(p, -0) ? 0 : p)));
}

/** Part by part: numbers and booleans by value, strings by UTF-16 code units, then by type name. */
export function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (typeof x !== typeof y) return typeof x < typeof y ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
