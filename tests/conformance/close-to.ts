/**
 * Deep equality where numbers may differ by 1e-9 relative (or 1e-12 absolute near zero); NaN equals
 * NaN; an expected 'NaN', 'Infinity' or '-Infinity' (JSON has no such numbers) matches the number.
 */
export function closeTo(a: unknown, b: unknown): boolean {
  // JSON has no NaN or infinities: cases write them as the strings JavaScript prints.
  if (typeof a === 'number' && (b === 'NaN' || b === 'Infinity' || b === '-Infinity')) return closeTo(a, Number(b));
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (a === b) return true;
    return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => closeTo(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a)
      .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
      .sort();
    const kb = Object.keys(b)
      .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
      .sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && closeTo((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}
