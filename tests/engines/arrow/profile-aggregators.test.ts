import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Bool, DateDay, Dictionary, Float64, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { ContractDef } from '../../../src/model/contract.js';
import type { HistogramValue, MetricSpec, TopValuesValue } from '../../../src/model/metric.js';
import { computeMetrics } from '../../../src/engines/arrow/arrow-engine.js';
import { batchOf, piecewiseResult, planned, resultOf, sourceOf, split } from './helpers.js';

const contract = { kind: 'contract', name: 't', columns: {}, location: { file: 'x', line: 1, column: 1 } } as ContractDef;
const nums = (xs: (number | null)[]) => batchOf({ x: vectorFromArray(xs, new Float64()) });
const strs = (xs: (string | null)[]) => batchOf({ s: vectorFromArray(xs, new Utf8()) });
const dictStrs = (xs: (string | null)[]) => batchOf({ s: vectorFromArray(xs, new Dictionary(new Utf8(), new Int32())) });
const hist = (bins: number, where?: string): MetricSpec => ({
  kind: 'histogram',
  column: 'x',
  bins,
  ...(where && { where: parseExpr(where) }),
});
const top = (k: number, maxDistinct: number, column = 's', where?: string): MetricSpec => ({
  kind: 'top_values',
  column,
  k,
  maxDistinct,
  ...(where && { where: parseExpr(where) }),
});

describe('histogram', () => {
  it('bins by floor((x - min) * bins / (max - min)), the last bin closed at max', () => {
    // 0..10 in 5 bins of width 2: [0,2) [2,4) [4,6) [6,8) [8,10]
    expect(resultOf(hist(5), [nums([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])])).toEqual({ min: 0, max: 10, counts: [2, 2, 2, 2, 3] });
    // A value exactly on an inner edge goes up: 2.5 of [0, 10] in 4 bins is bin 1.
    expect(resultOf(hist(4), [nums([0, 2.5, 10])])).toEqual({ min: 0, max: 10, counts: [1, 1, 0, 1] });
  });

  it('leaves out nulls and NaN, and counts every row of an all-equal column in bin 0', () => {
    expect(resultOf(hist(3), [nums([null, 7, NaN, 1, null])])).toEqual({ min: 1, max: 7, counts: [1, 0, 1] });
    expect(resultOf(hist(4), [nums([3, 3, null, 3])])).toEqual({ min: 3, max: 3, counts: [3, 0, 0, 0] });
  });

  it('has no min or max and zero counts over no values (empty, all null, all NaN, filtered out)', () => {
    const none = { min: null, max: null, counts: [0, 0, 0] };
    expect(resultOf(hist(3), [nums([])])).toEqual(none);
    expect(resultOf(hist(3), [nums([null, NaN])])).toEqual(none);
    expect(resultOf(hist(3, 'x > 100'), [nums([1, 2])])).toEqual(none);
  });

  it('respects where, across batches', () => {
    const batches = split(nums([5, -1, 10, 0, 7, null, 6]), [2, 3]);
    expect(resultOf(hist(2, 'x >= 5'), batches)).toEqual({ min: 5, max: 10, counts: [3, 1] });
  });

  it('bins dates as epoch milliseconds', () => {
    const day = 86_400_000;
    const b = batchOf({ d: vectorFromArray([new Date(0), new Date(3 * day), new Date(day), null], new DateDay()) });
    expect(resultOf({ kind: 'histogram', column: 'd', bins: 3 }, [b])).toEqual({ min: 0, max: 3 * day, counts: [1, 1, 1] });
  });

  it('stays finite over a range past Number.MAX_VALUE', () => {
    expect(resultOf(hist(2), [nums([-1e308, 0.5, 1e308])])).toEqual({ min: -1e308, max: 1e308, counts: [1, 2] });
  });

  it('reports a string column and a bad bin count as issues of the metric', async () => {
    const b = batchOf({ x: vectorFromArray([1, 2], new Float64()), s: vectorFromArray(['a', 'b'], new Utf8()) });
    const r = await computeMetrics(sourceOf([b]), planned({ s: { kind: 'histogram', column: 's', bins: 3 }, zero: hist(0), ok: hist(1) }), {
      contract,
    });
    expect(r.get('s')).toMatchObject({ ok: false, issue: { code: 'metric.unsupported_type' } });
    expect(r.get('zero')).toMatchObject({ ok: false, issue: { code: 'metric.invalid' } });
    expect(r.get('ok')).toEqual({ ok: true, value: { min: 1, max: 2, counts: [2] } });
  });
});

describe('top_values', () => {
  it('orders by count descending, then value ascending in code-unit order, and keeps k', () => {
    const values = ['b', 'a', 'é', 'b', 'Z', 'a', null, 'é', 'c'];
    const expected: TopValuesValue = {
      top: [
        { value: 'a', count: 2 },
        { value: 'b', count: 2 },
        { value: 'é', count: 2 },
        { value: 'Z', count: 1 },
      ],
      distinct: 5,
      truncated: false,
    };
    expect(resultOf(top(4, 100), [strs(values)])).toEqual(expected);
    expect(resultOf(top(4, 100), [dictStrs(values)])).toEqual(expected);
  });

  it('gives up past maxDistinct (no values, no distinct count), not at it', () => {
    expect(resultOf(top(2, 3), [strs(['a', 'b', 'c', 'a'])])).toEqual({
      top: [
        { value: 'a', count: 2 },
        { value: 'b', count: 1 },
      ],
      distinct: 3,
      truncated: false,
    });
    expect(resultOf(top(2, 3), [strs(['a', 'b', 'c', 'd'])])).toEqual({ top: [], truncated: true });
    expect(resultOf(top(2, 3), [dictStrs(['a', 'b', 'c', 'd'])])).toEqual({ top: [], truncated: true });
    // Spread over batches, each under the limit: still truncated.
    expect(resultOf(top(2, 3), split(strs(['a', 'b', 'c', 'd']), [2, 2]))).toEqual({ top: [], truncated: true });
  });

  it('counts booleans and numbers, without nulls or NaN', () => {
    const b = batchOf({ f: vectorFromArray([true, false, null, true], new Bool()) });
    expect(resultOf(top(5, 10, 'f'), [b])).toEqual({
      top: [
        { value: true, count: 2 },
        { value: false, count: 1 },
      ],
      distinct: 2,
      truncated: false,
    });
    expect(resultOf(top(5, 10, 'x'), [nums([2, NaN, 1, 2, null, 10])])).toEqual({
      top: [
        { value: 2, count: 2 },
        { value: 1, count: 1 },
        { value: 10, count: 1 },
      ],
      distinct: 3,
      truncated: false,
    });
  });

  it('is empty over no values and respects where', () => {
    expect(resultOf(top(3, 10), [strs([null, null])])).toEqual({ top: [], distinct: 0, truncated: false });
    const b = batchOf({ s: vectorFromArray(['a', 'b', 'b', 'a', 'a'], new Utf8()), n: vectorFromArray([1, 2, 3, 4, 5], new Int32()) });
    expect(resultOf(top(3, 10, 's', 'n > 1'), [b])).toEqual({
      top: [
        { value: 'a', count: 2 },
        { value: 'b', count: 2 },
      ],
      distinct: 2,
      truncated: false,
    });
  });

  it('counts plain strings by their bytes exactly as dictionary strings are counted (lengths, long strings, many per length)', () => {
    const word = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', 'é'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('x', 'y'), minLength: 60, maxLength: 70 }),
    );
    fc.assert(
      fc.property(fc.array(fc.option(word, { nil: null }), { maxLength: 80 }), fc.integer({ min: 1, max: 40 }), (values, maxDistinct) => {
        expect(resultOf(top(100, maxDistinct), [strs(values)])).toEqual(resultOf(top(100, maxDistinct), [dictStrs(values)]));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart strings that share a hash bucket and multi-byte strings', () => {
    const many = Array.from({ length: 600 }, (_, i) => `v${i % 300}`);
    const r = resultOf(top(1, 1000), [strs([...many, 'v7', 'ü', 'ü'])]) as TopValuesValue;
    expect(r.distinct).toBe(301);
    expect(r.top).toEqual([{ value: 'v7', count: 3 }]);
  });
});

describe('merge equivalence of the profile metrics', () => {
  const row = fc.record({
    x: fc.option(fc.oneof(fc.double({ noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constant(NaN), fc.constantFrom(0, 1, 2)), {
      nil: null,
    }),
    s: fc.option(fc.constantFrom('a', 'b', 'c', 'dé', 'e', 'f'), { nil: null }),
  });
  const specs: MetricSpec[] = [hist(1), hist(7), hist(4, 'x > 0'), top(3, 100), top(2, 4), top(3, 3, 's', 'x > 0')];

  it('give the same bin edges for -0 and 0 whatever the order and the split (found by the property below)', () => {
    const b = batchOf({ x: vectorFromArray([-0, 0], new Float64()) });
    expect(piecewiseResult(hist(1), b, [1])).toEqual(resultOf(hist(1), [b]));
    expect(resultOf(hist(1), [b])).toMatchObject({ min: 0, max: 0 });
  });

  it('cutting the rows into random pieces and merging their states gives the single-pass result', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (rows, cuts, dictionary) => {
        const b = batchOf({
          x: vectorFromArray(
            rows.map((r) => r.x),
            new Float64(),
          ),
          s: vectorFromArray(
            rows.map((r) => r.s),
            dictionary ? new Dictionary(new Utf8(), new Int32()) : new Utf8(),
          ),
        });
        for (const spec of specs) expect(piecewiseResult(spec, b, cuts)).toEqual(resultOf(spec, [b]));
        // And the histogram counts every kept value once.
        const h = resultOf(hist(7), [b]) as HistogramValue;
        expect(h.counts.reduce((a, c) => a + c, 0)).toBe(rows.filter((r) => r.x !== null && !Number.isNaN(r.x)).length);
      }),
      { numRuns: 200 },
    );
  });
});
