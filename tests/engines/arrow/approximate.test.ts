import { Dictionary, Float64, Int32, Int64, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ApproxDistinctValue, ApproxQuantilesValue, MetricSpec } from '../../../src/model/metric.js';
import { batchOf, mergedResult, resultOf, split } from './helpers.js';

/**
 * The Arrow engine's estimates against the truth on generated data with a million distinct values:
 * each estimate must be within the bound the result states. The data is fixed, so each test is
 * deterministic; a wrong hash, register update or bucket mapping moves the estimate past the bound.
 */
const N = 1_000_000;

/** A fixed permutation of 0..N-1 (a linear congruential walk), so values arrive in no order. */
const permuted = Array.from({ length: N }, (_, i) => (i * 7_919 + 13) % N);

describe('approximate distinct count (HyperLogLog, p = 14)', () => {
  const spec: MetricSpec = { kind: 'approx_distinct_count', column: 'x' };

  it('estimates a million distinct integers within twice the stated standard error', () => {
    const batch = batchOf({ x: vectorFromArray(permuted.map(BigInt), new Int64()) });
    const v = resultOf(spec, split(batch, [N / 4, N / 4, N / 4, N / 4])) as ApproxDistinctValue;
    expect(v.approximation).toEqual({ method: 'hll', p: 14, relativeStandardError: 1.04 / 128 });
    expect(Math.abs(v.estimate - N) / N).toBeLessThan(2 * (1.04 / 128));
  });

  it('estimates a million distinct strings within twice the stated standard error, and repeats do not count', () => {
    const strings = permuted.map((i) => `customer-${i}@example.com`);
    const batch = batchOf({ x: vectorFromArray([...strings, ...strings.slice(0, 1000)], new Utf8()) });
    const v = resultOf(spec, [batch]) as ApproxDistinctValue;
    expect(Math.abs(v.estimate - N) / N).toBeLessThan(2 * (1.04 / 128));
  });

  it('hashes a string the same whether the column is plain or dictionary-encoded, so such files merge', () => {
    const words = permuted.slice(0, 50_000).map((i) => `w${i % 20_000}`);
    const plain = resultOf(spec, [batchOf({ x: vectorFromArray(words, new Utf8()) })]);
    const dictionary = resultOf(spec, [batchOf({ x: vectorFromArray(words, new Dictionary(new Utf8(), new Int32())) })]);
    expect(dictionary).toEqual(plain);
    expect(Math.abs((plain as ApproxDistinctValue).estimate - 20_000) / 20_000).toBeLessThan(2 * (1.04 / 128));
  });

  it('is exact-looking on small columns (linear counting) and merges halves to the same estimate', () => {
    const batch = batchOf({
      x: vectorFromArray(
        [1, 2, 3, 2, 1, null, 1000].map((x) => (x === null ? null : BigInt(x))),
        new Int64(),
      ),
    });
    expect((resultOf(spec, [batch]) as ApproxDistinctValue).estimate).toBe(4);
    expect(mergedResult(spec, batch, 3)).toEqual(resultOf(spec, [batch]));
  });
});

describe('approximate quantiles (DDSketch, 1% relative accuracy)', () => {
  const probs = [0.01, 0.25, 0.5, 0.9, 0.999];
  const spec: MetricSpec = { kind: 'approx_quantiles', column: 'x', probs };

  it('returns each quantile of a million values within 1% of the value at rank floor(p (n - 1))', () => {
    // Values spread over six orders of magnitude, negatives and zeros included.
    const values = permuted.map((i) => (i % 10 === 0 ? 0 : (i % 3 === 0 ? -1 : 1) * (1 + i) ** 1.2));
    const batch = batchOf({ x: vectorFromArray(values, new Float64()) });
    const v = resultOf(spec, split(batch, [300_000, 700_000])) as ApproxQuantilesValue;
    expect(v.approximation).toEqual({ method: 'ddsketch', relativeAccuracy: 0.01 });
    const sorted = Float64Array.from(values).sort();
    probs.forEach((p, i) => {
      const truth = sorted[Math.floor(p * (N - 1))];
      expect(Math.abs(v.values[i] - truth)).toBeLessThanOrEqual(0.01 * Math.abs(truth) + 1e-12);
    });
  });

  it('gives no values for a column without numbers, and the same answer however the data was split', () => {
    const empty = batchOf({ x: vectorFromArray([null, Number.NaN], new Float64()) });
    expect((resultOf(spec, [empty]) as ApproxQuantilesValue).values).toEqual([]);
    const batch = batchOf({ x: vectorFromArray([5, 1, 4, 2, 3, 100, 0.5], new Float64()) });
    expect(mergedResult(spec, batch, 4)).toEqual(resultOf(spec, [batch]));
  });
});
