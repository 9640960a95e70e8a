import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dictionary, Float64, Int32, Int64, Utf8, vectorFromArray } from 'apache-arrow';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import { batchOf, mergedResult, resultOf, split } from './helpers.js';

const nums = (xs: (number | null)[]) => batchOf({ x: vectorFromArray(xs, new Float64()) });

describe('quantiles', () => {
  it('interpolates linearly between order statistics like numpy.quantile', () => {
    // numpy.quantile([1, 2, 3, 4], [0, .1, .25, .5, .9, 1]) -> [1, 1.3, 1.75, 2.5, 3.7, 4]
    const r = resultOf({ kind: 'quantiles', column: 'x', probs: [0, 0.1, 0.25, 0.5, 0.9, 1] }, [nums([4, null, 1, NaN, 3, 2])]) as number[];
    [1, 1.3, 1.75, 2.5, 3.7, 4].forEach((q, i) => expect(r[i]).toBeCloseTo(q, 12));
    // numpy.quantile([7, 15, 36, 39, 40, 41], .5) -> 37.5 ; single value -> itself
    expect(resultOf({ kind: 'quantiles', column: 'x', probs: [0.5] }, [nums([41, 7, 36, 15, 40, 39])])).toEqual([37.5]);
    expect(resultOf({ kind: 'quantiles', column: 'x', probs: [0.3] }, [nums([5])])).toEqual([5]);
    expect(resultOf({ kind: 'quantiles', column: 'x', probs: [0.3] }, [nums([null, NaN])])).toEqual([]);
  });
});

describe('moments', () => {
  it('are numerically stable for large offsets: 1e9 + {4, 7, 13, 16} has sample variance 30', () => {
    const xs = [4, 7, 13, 16].map((d) => 1e9 + d);
    for (const batches of [[nums(xs)], split(nums(xs), [1, 1, 1, 1]), split(nums(xs), [3, 1])]) {
      const m = resultOf({ kind: 'moments', column: 'x' }, batches) as { count: number; mean: number; m2: number };
      expect(m.count).toBe(4);
      expect(m.mean).toBe(1e9 + 10);
      expect(m.m2 / (m.count - 1)).toBeCloseTo(30, 9);
    }
  });
});

describe('duplicate_count and distinct_count', () => {
  it('distinguish int64 keys beyond 2^53 exactly', () => {
    const big = 2n ** 53n;
    const b = batchOf({ id: vectorFromArray([big, big + 1n, big + 1n, -big - 3n, big, null], new Int64()) });
    expect(resultOf({ kind: 'distinct_count', columns: ['id'] }, [b])).toBe(3);
    expect(resultOf({ kind: 'duplicate_count', columns: ['id'], sampleSize: 10 }, [b])).toEqual({
      considered: 5,
      failed: 4,
      sample: [
        { row: 1, values: { id: '9007199254740992' } },
        { row: 2, values: { id: '9007199254740993' } },
        { row: 3, values: { id: '9007199254740993' } },
        { row: 5, values: { id: '9007199254740992' } },
      ],
    });
  });

  it('count dictionary strings per entry and respect where', () => {
    const b = batchOf({
      s: vectorFromArray(['a', 'b', 'a', null, 'c', 'b'], new Dictionary(new Utf8(), new Int32())),
      n: vectorFromArray([1, 2, 3, 4, 5, 6], new Float64()),
    });
    expect(resultOf({ kind: 'distinct_count', columns: ['s'] }, [b])).toBe(3);
    expect(resultOf({ kind: 'distinct_count', columns: ['s'], where: parseExpr('n > 2') }, [b])).toBe(3);
    expect(resultOf({ kind: 'distinct_count', columns: ['s'], where: parseExpr('n > 4') }, [b])).toBe(2);
    const d = resultOf({ kind: 'duplicate_count', columns: ['s'], sampleSize: 1 }, [b]) as {
      failed: number;
      considered: number;
      sample: unknown[];
    };
    expect([d.considered, d.failed, d.sample.length]).toEqual([5, 4, 1]);
  });

  it('treat 0 and -0 as one value and all NaNs as one value', () => {
    expect(resultOf({ kind: 'distinct_count', columns: ['x'] }, [nums([0, -0, NaN, NaN, 1, null])])).toBe(3);
  });
});

describe('merge equivalence', () => {
  const row = fc.record({
    id: fc.option(
      fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }).chain((v) => fc.constantFrom(v, 1n, 2n)),
      { nil: null },
    ),
    x: fc.option(fc.oneof(fc.double({ noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constant(NaN)), { nil: null }),
    s: fc.option(fc.constantFrom('a', 'b', 'c', 'dé'), { nil: null }),
  });
  const specs: MetricSpec[] = [
    { kind: 'row_count', where: parseExpr('x > 0') },
    { kind: 'null_count', column: 'x' },
    { kind: 'min', column: 's' },
    { kind: 'max', column: 'x' },
    { kind: 'quantiles', column: 'x', probs: [0.1, 0.5, 0.99] },
    { kind: 'distinct_count', columns: ['id'] },
    { kind: 'distinct_count', columns: ['s', 'id'] },
    { kind: 'value_count', column: 's', value: 'b' },
    { kind: 'predicate_failures', column: 's', predicate: parseExpr("s in ('a', 'b')"), sampleSize: 3 },
  ];

  it('splitting the rows between two states and merging gives the single-pass result', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.nat(), (rows, cut) => {
        const b = batchOf({
          id: vectorFromArray(
            rows.map((r) => r.id),
            new Int64(),
          ),
          x: vectorFromArray(
            rows.map((r) => r.x),
            new Float64(),
          ),
          s: vectorFromArray(
            rows.map((r) => r.s),
            new Dictionary(new Utf8(), new Int32()),
          ),
        });
        const at = cut % (rows.length + 1);
        for (const spec of specs) expect(mergedResult(spec, b, at)).toEqual(resultOf(spec, [b]));
        const m1 = resultOf({ kind: 'moments', column: 'x' }, [b]) as { count: number; sum: number; mean: number; m2: number };
        const m2 = mergedResult({ kind: 'moments', column: 'x' }, b, at) as typeof m1;
        expect(m2.count).toBe(m1.count);
        expect(m2.mean).toBeCloseTo(m1.mean, 6);
        expect(m2.m2).toBeCloseTo(m1.m2, 0);
        const d1 = resultOf({ kind: 'duplicate_count', columns: ['id'], sampleSize: 5 }, [b]);
        expect(mergedResult({ kind: 'duplicate_count', columns: ['id'], sampleSize: 5 }, b, at)).toEqual(d1);
      }),
      { numRuns: 150 },
    );
  });
});
