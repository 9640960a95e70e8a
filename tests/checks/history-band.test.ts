import { describe, expect, it } from 'vitest';
import { baselineOf, median, recentPoints, robustBand } from '../../src/checks/history-band.js';
import type { HistoryPoint } from '../../src/model/history.js';

/** A seeded generator (mulberry32), so every series is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal noise (Box-Muller) around `mean` with standard deviation `sd`. */
function normal(rand: () => number, mean: number, sd: number): number {
  return mean + sd * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** The indices the band of the `runs` values before each one flags, from index `runs` on. */
function flagged(series: number[], runs: number, sensitivity: number): number[] {
  const out: number[] = [];
  for (let i = runs; i < series.length; i++) {
    const band = robustBand(series.slice(i - runs, i), sensitivity);
    if (series[i] < band.min || series[i] > band.max) out.push(i);
  }
  return out;
}

describe('the anomaly band (median ± sensitivity × scaled MAD)', () => {
  it('flags exactly the injected anomalies in 300 noisy runs, and none of the noise', () => {
    const rand = random(12);
    const spikes = new Map([
      [60, 1.3],
      [61, 1.3],
      [150, 0.5],
      [240, 1.6],
    ]);
    // 1000 rows a day, sd 20: a halving is 25 sd away. A band from few runs is itself noisy: pure
    // noise falls outside a band of 50 runs at sensitivity 4 in 0.07% of runs, of 20 runs at 3 in
    // 2.2% (measured over 20,000 trials each; see the README's anomaly section).
    const series = Array.from({ length: 300 }, (_, i) => normal(rand, 1000, 20) * (spikes.get(i) ?? 1));
    expect(flagged(series, 50, 4)).toEqual([60, 61, 150, 240]);
  });

  it('is not widened by an earlier outlier in its window, as a mean and standard deviation would be', () => {
    const history = [100, 101, 99, 100, 102, 98, 100, 5000, 101, 99];
    const band = robustBand(history, 3);
    expect(band.median).toBe(100);
    expect(band.max).toBeLessThan(110);
    // The mean ± 3 sd of the same values would accept 4000 as normal.
    const mean = history.reduce((a, b) => a + b) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    expect(mean + 3 * sd).toBeGreaterThan(4000);
  });

  it('falls back to the mean absolute deviation when most values are equal, and is exact for a constant history', () => {
    const mostlyEqual = robustBand([10, 10, 10, 10, 10, 10, 14], 3);
    expect(mostlyEqual.spread).toBeCloseTo((1.2533 * 4) / 7, 6);
    expect(robustBand([7, 7, 7], 3)).toEqual({ median: 7, spread: 0, min: 7, max: 7 });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('weekday seasonality', () => {
  const day = 86_400_000;
  const start = Date.parse('2024-01-01T06:00:00Z'); // a Monday
  // Weekends carry half the weekday volume.
  const rand = random(7);
  const points: HistoryPoint[] = Array.from({ length: 70 }, (_, i) => {
    const at = new Date(start + i * day);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
    return { runId: `r${i}`, at: at.toISOString(), value: normal(rand, weekend ? 500 : 1000, 10) };
  });

  it('compares a Saturday only with Saturdays: a normal Saturday passes there and looks anomalous against all days', () => {
    const saturday = new Date(start + 75 * day); // 2024-03-16, a Saturday
    expect(saturday.getUTCDay()).toBe(6);
    const sameDay = recentPoints(points, 8, saturday, true);
    expect(sameDay.every((p) => new Date(p.at).getUTCDay() === 6)).toBe(true);
    expect(sameDay).toHaveLength(8);
    const seasonal = robustBand(
      sameDay.map((p) => p.value),
      4,
    );
    expect(500 >= seasonal.min && 500 <= seasonal.max).toBe(true);
    const all = robustBand(
      recentPoints(points, 20, saturday, false).map((p) => p.value),
      4,
    );
    expect(500 < all.min).toBe(true);
  });
});

describe('the baseline of a change', () => {
  const points: HistoryPoint[] = [
    { runId: 'a', at: '2024-05-20T00:00:00Z', value: 1 },
    { runId: 'b', at: '2024-05-25T00:00:00Z', value: 2 },
    { runId: 'c', at: '2024-05-31T00:00:00Z', value: 3 },
  ];
  const now = new Date('2024-06-01T00:00:00Z');

  it('is the previous run, or the newest run at least `over` old', () => {
    expect(baselineOf(points, now)?.runId).toBe('c');
    expect(baselineOf(points, now, 7 * 86_400_000)?.runId).toBe('b');
    expect(baselineOf(points, now, 12 * 86_400_000)?.runId).toBe('a');
  });

  it('is absent when the history does not reach back that far, or is empty', () => {
    expect(baselineOf(points, now, 30 * 86_400_000)).toBeUndefined();
    expect(baselineOf([], now)).toBeUndefined();
  });
});
