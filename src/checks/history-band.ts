import type { HistoryPoint } from '../model/history.js';

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** 1 / Φ⁻¹(3/4): scales the MAD to the standard deviation of a normal distribution. */
const MAD_SCALE = 1.4826;
/** √(π/2): scales the mean absolute deviation likewise, the fallback when more than half the values are equal. */
const MEAN_AD_SCALE = 1.2533;

export interface RobustBand {
  median: number;
  spread: number;
  min: number;
  max: number;
}

/**
 * median ± sensitivity × spread, the spread being the scaled median absolute deviation: unlike a
 * mean and standard deviation, one earlier outlier (the day the load ran twice) does not widen the
 * band for the next twenty runs. When more than half the values are equal the MAD is 0 and the
 * scaled mean absolute deviation stands in (the modified z-score's rule); a constant history gives
 * a band of exactly that value.
 */
export function robustBand(values: readonly number[], sensitivity: number): RobustBand {
  const m = median(values);
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = median(deviations);
  const spread = mad > 0 ? MAD_SCALE * mad : (MEAN_AD_SCALE * deviations.reduce((a, b) => a + b, 0)) / values.length;
  return { median: m, spread, min: m - sensitivity * spread, max: m + sensitivity * spread };
}

/**
 * The earlier value a change is measured from: the previous run's, or with `overMs` the newest
 * value at least that old (the value as of a week ago for `over: '7d'`). Points are oldest first.
 */
export function baselineOf(points: readonly HistoryPoint[], now: Date, overMs?: number): HistoryPoint | undefined {
  const cutoff = overMs === undefined ? Number.POSITIVE_INFINITY : now.getTime() - overMs;
  for (let i = points.length - 1; i >= 0; i--) if (Date.parse(points[i].at) <= cutoff) return points[i];
  return undefined;
}

/** The last `runs` points, on the run's UTC weekday only when `weekday` (seasonality). */
export function recentPoints(points: readonly HistoryPoint[], runs: number, now: Date, weekday: boolean): HistoryPoint[] {
  const day = now.getUTCDay();
  const kept = weekday ? points.filter((p) => new Date(p.at).getUTCDay() === day) : [...points];
  return kept.slice(Math.max(0, kept.length - runs));
}
