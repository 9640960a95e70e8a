import type { TopValuesValue } from '../../model/metric.js';

type Value = string | number | boolean;

/** A distribution as exact counts of distinct non-null values (the `top_values` metric, untruncated). */
export interface ValueCounts {
  values: Value[];
  counts: number[];
  total: number;
}

/** Number of equal-width bins numeric and temporal columns are cut into for PSI, KL, JS and the charts. */
export const NUMERIC_BINS = 10;

/** The counts of an untruncated top_values answer, values ascending (numbers numerically, strings by code unit). */
export function valueCounts(top: TopValuesValue): ValueCounts | null {
  if (top.truncated) return null;
  const sorted = [...top.top].sort((a, b) => compareValues(a.value, b.value));
  return { values: sorted.map((t) => t.value), counts: sorted.map((t) => t.count), total: sorted.reduce((s, t) => s + t.count, 0) };
}

/** Values in order: numbers numerically, everything else as text by UTF-16 code unit. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Both distributions over the same bins, the reference's. */
export interface Binned {
  /** `numeric`: NUMERIC_BINS equal-width bins; `categorical`: one bin per value seen on either side. */
  kind: 'numeric' | 'categorical';
  /** numeric: the NUMERIC_BINS + 1 bin edges. */
  edges?: number[];
  /** categorical: the value of each bin. */
  categories?: Value[];
  reference: number[];
  current: number[];
}

/**
 * Numbers (and dates, as epoch ms) in NUMERIC_BINS equal-width bins over the reference's
 * [min, max]: x goes to bin floor((x - min) * bins / (max - min)), clamped to the first and last
 * bin, so current values outside the reference's range count in its end bins. A reference with
 * one value (max = min) puts every value in bin 0, as the histogram metric does.
 */
export function binNumbers(reference: ValueCounts, current: ValueCounts): Binned {
  const lo = reference.values[0] as number;
  const hi = reference.values[reference.values.length - 1] as number;
  const edges = equalWidthEdges(lo, hi, NUMERIC_BINS);
  const bin = (x: number) => (hi === lo ? 0 : Math.min(NUMERIC_BINS - 1, Math.max(0, Math.floor(((x - lo) * NUMERIC_BINS) / (hi - lo)))));
  const count = (d: ValueCounts) => {
    const out = new Array<number>(NUMERIC_BINS).fill(0);
    d.values.forEach((v, i) => {
      out[bin(v as number)] += d.counts[i];
    });
    return out;
  };
  return { kind: 'numeric', edges, reference: count(reference), current: count(current) };
}

/** The bins + 1 edges of equal-width bins from lo to hi (the last edge exactly hi). */
export function equalWidthEdges(lo: number, hi: number, bins: number): number[] {
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + (i * (hi - lo)) / bins));
}

/** One bin per distinct value of either side, in value order; a value one side lacks counts 0 there. */
export function binCategories(reference: ValueCounts, current: ValueCounts): Binned {
  const index = new Map<Value, number>();
  for (const v of [...reference.values, ...current.values]) index.set(v, 0);
  const categories = [...index.keys()].sort(compareValues);
  categories.forEach((v, i) => index.set(v, i));
  const count = (d: ValueCounts) => {
    const out = new Array<number>(categories.length).fill(0);
    d.values.forEach((v, i) => {
      out[index.get(v)!] += d.counts[i];
    });
    return out;
  };
  return { kind: 'categorical', categories, reference: count(reference), current: count(current) };
}

/** Additive (Laplace-type) smoothing: added to every bin of both sides when either has an empty bin. */
export const SMOOTHING = 0.5;

export interface Divergences {
  psi: number;
  kl: number;
  js: number;
}

/**
 * Over the bins' proportions p (current) and q (reference), natural logarithms:
 *   PSI = sum (p - q) ln(p / q);  KL = sum p ln(p / q) (KL(current || reference));
 *   JS = (KL(p || m) + KL(q || m)) / 2 with m = (p + q) / 2 (the divergence, at most ln 2; scipy's
 *   jensenshannon returns its square root).
 * An empty bin would make PSI and KL infinite, so when either side has one, SMOOTHING is added to
 * every bin of both before the proportions are taken (JS uses the same proportions).
 */
export function divergences(binned: Binned): Divergences {
  const smooth = binned.reference.some((c) => c === 0) || binned.current.some((c) => c === 0);
  const proportions = (counts: number[]) => {
    const c = smooth ? counts.map((x) => x + SMOOTHING) : counts;
    const total = c.reduce((s, x) => s + x, 0);
    return c.map((x) => x / total);
  };
  const p = proportions(binned.current);
  const q = proportions(binned.reference);
  const kl = (a: number[], b: number[]) => a.reduce((s, ai, i) => (ai === 0 ? s : s + ai * Math.log(ai / b[i])), 0);
  const mid = p.map((pi, i) => (pi + q[i]) / 2);
  return {
    psi: p.reduce((s, pi, i) => s + (pi - q[i]) * Math.log(pi / q[i]), 0),
    kl: kl(p, q),
    js: (kl(p, mid) + kl(q, mid)) / 2,
  };
}
