/**
 * The two-sample Kolmogorov-Smirnov test over exact value counts (each sample as its distinct
 * values ascending with their counts), as scipy.stats.ks_2samp computes it (two-sided).
 *
 * Statistic: D = max over every observed value x of |F_current(x) - F_reference(x)|, each F the
 * empirical distribution function counting values <= x (ties handled exactly).
 *
 * p-value: `exact` when the larger sample has at most EXACT_MAX_N values (scipy's own `auto`
 * rule), from the lattice-path recursion of Hodges (1958) in the form of Viehmann (2021), which
 * computes P(D >= d) directly and keeps it accurate for small p; otherwise `asymptotic`, from
 * Kolmogorov's limiting distribution at sqrt(n m / (n + m)) D (scipy.stats.kstwobign.sf). Like
 * scipy's, the exact p-value assumes a continuous distribution: with ties it is conservative.
 */

export type KsPValueMethod = 'exact' | 'asymptotic';

export interface KsResult {
  statistic: number;
  pValue: number;
  pValueMethod: KsPValueMethod;
}

/** One sample as distinct values ascending and how often each occurs. */
export interface SortedCounts {
  values: number[];
  counts: number[];
}

/** scipy's MAX_AUTO_N: above it the exact recursion is O(n m) work and `auto` goes asymptotic. */
export const EXACT_MAX_N = 10_000;

export function ksTwoSample(a: SortedCounts, b: SortedCounts): KsResult | null {
  const n = sum(a.counts);
  const m = sum(b.counts);
  if (n === 0 || m === 0) return null;
  const d = ksStatistic(a, b, n, m);
  if (Math.max(n, m) <= EXACT_MAX_N) {
    const p = exactPValue(n, m, d);
    if (p !== null) return { statistic: d, pValue: p, pValueMethod: 'exact' };
  }
  return { statistic: d, pValue: kolmogorovSf(Math.sqrt((n * m) / (n + m)) * d), pValueMethod: 'asymptotic' };
}

function ksStatistic(a: SortedCounts, b: SortedCounts, n: number, m: number): number {
  // Merge the two sorted value lists; after each distinct value both cumulative counts are final.
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let d = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = j >= b.values.length || (i < a.values.length && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    while (i < a.values.length && a.values[i] === x) ca += a.counts[i++];
    while (j < b.values.length && b.values[j] === x) cb += b.counts[j++];
    d = Math.max(d, Math.abs(ca / n - cb / m));
  }
  return d;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

/** P(D >= d) for samples of n and m values, or null when floating point cannot carry it. */
function exactPValue(n: number, m: number, d: number): number | null {
  const g = gcd(n, m);
  const lcm = (n / g) * m;
  // D is a multiple of 1/lcm: rounding removes the floating-point noise of the ECDF differences.
  const h = Math.round(d * lcm);
  if (h === 0) return 1;
  const p = n === m ? outsideSquare(n, h) : outsideBand(n, m, g, h);
  return Number.isFinite(p) && p >= 0 && p <= 1 ? p : null;
}

/**
 * Equal sizes: P(D >= h/n) = 2 sum_k (-1)^(k-1) C(2n, n - k h) / C(2n, n), each ratio of
 * binomials built as a product of h factors and the alternating sum nested (Horner) so that no
 * large binomial is ever formed and the terms do not cancel.
 */
function outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * Unequal sizes: the share of monotone lattice paths from (0, 0) to (m, n) that leave the band
 * |x/m - y/n| < h/lcm at some point. Column by column over x, the window of y inside the band is
 * kept; each cell holds the share of paths to it that already left, so the answer is 1 - p
 * computed without subtracting nearly equal numbers (Viehmann 2021, arXiv:2102.08037).
 */
function outsideBand(n0: number, m0: number, g: number, h: number): number {
  const [m, n] = m0 >= n0 ? [m0, n0] : [n0, m0];
  const mg = m / g;
  const ng = n / g;
  let lo = 0;
  let hi = Math.min(Math.ceil(h / mg), n + 1);
  let len = hi - lo;
  const cells = new Float64Array(Math.min(2 * hi + 2, n + 1)).fill(1);
  cells.fill(0, lo, hi);
  for (let x = 1; x <= m; x++) {
    const prevLo = lo;
    const prevLen = len;
    lo = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
    hi = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
    if (hi <= lo) return 1;
    let value = lo === 0 ? 0 : 1;
    for (let k = 0; k < hi - lo; k++) {
      const y = k + lo;
      value = (cells[k + lo - prevLo] * x + value * y) / (x + y);
      cells[k] = value;
    }
    len = hi - lo;
    if (prevLen > len) cells.fill(1, len, len + (prevLen - len));
  }
  return cells[hi - lo - 1];
}

/**
 * Kolmogorov's limiting distribution, P(K > x) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2). Below
 * x = 1 that series converges slowly, so there the complement of the theta-function form of the
 * CDF, sqrt(2 pi)/x sum_{k>=1} exp(-(2k-1)^2 pi^2 / (8 x^2)), is used instead; both terms lists
 * stop when a term no longer changes the sum.
 */
export function kolmogorovSf(x: number): number {
  if (!(x > 0)) return 1;
  if (x < 1) {
    let cdf = 0;
    for (let k = 1; k < 100; k++) {
      const term = Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * x * x));
      cdf += term;
      if (term < 1e-17 * cdf) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / x) * cdf;
  }
  let sf = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sf += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17 * Math.abs(sf)) break;
  }
  return Math.min(1, Math.max(0, 2 * sf));
}
