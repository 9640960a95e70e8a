import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Float64, Int64, TimestampMicrosecond, TimestampSecond, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import { evaluatePredicate } from '../../../src/engines/arrow/expr/evaluate.js';
import type { FailuresValue, MetricSpec } from '../../../src/model/metric.js';
import { batchOf, piecewiseResult, resultOf, split } from './helpers.js';

/**
 * The engine's shortcuts give what the plain definition gives: min/max of int64-like columns
 * computed on the stored words, duplicate keys found without a sort when they arrive in order.
 */

const int64s = fc.array(fc.option(fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }), { nil: null, freq: 5 }), {
  minLength: 1,
  maxLength: 60,
});

/** min and max as the definition reads them: every value converted to a double first. */
function reference(values: (bigint | null)[], toNumber: (x: bigint) => number) {
  const xs = values.filter((x): x is bigint => x !== null).map(toNumber);
  return xs.length === 0 ? [null, null] : [Math.min(...xs), Math.max(...xs)];
}

/** A timestamp column from its stored int64 values (null: a null row). */
function timestamps(type: TimestampMicrosecond | TimestampSecond, values: (bigint | null)[]) {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (bitmap[i >> 3] |= 1 << (i & 7)));
  const data = BigInt64Array.from(values, (v) => v ?? 0n);
  return makeVector(
    makeData({ type, length: values.length, data, nullBitmap: bitmap, nullCount: values.filter((v) => v === null).length }),
  );
}

describe('min and max of int64-like columns', () => {
  it('equal the minimum and maximum of the values as doubles, over any split into batches', () => {
    fc.assert(
      fc.property(int64s, fc.array(fc.nat(), { maxLength: 3 }), (values, cuts) => {
        const b = batchOf({ id: vectorFromArray(values, new Int64()) });
        const got = ['min', 'max'].map((kind) => piecewiseResult({ kind, column: 'id' } as MetricSpec, b, cuts));
        expect(got).toEqual(reference(values, Number));
      }),
      { numRuns: 200 },
    );
  });

  it('convert timestamps to epoch milliseconds (rounding down) like every other reader', () => {
    const us = batchOf({ t: timestamps(new TimestampMicrosecond(), [1_700_000_000_123_999n, -1_500n, null, 86_400_000_000n]) });
    expect([resultOf({ kind: 'min', column: 't' }, [us]), resultOf({ kind: 'max', column: 't' }, [us])]).toEqual([-2, 1_700_000_000_123]);
    const secs = batchOf({ t: timestamps(new TimestampSecond(), [5n, -3n, null]) });
    expect([resultOf({ kind: 'min', column: 't' }, [secs]), resultOf({ kind: 'max', column: 't' }, [secs])]).toEqual([-3000, 5000]);
  });

  it('with a where filter, look only at the rows it keeps', () => {
    const b = batchOf({ id: vectorFromArray([5n, -7n, 100n, null], new Int64()) });
    expect(resultOf({ kind: 'min', column: 'id', where: parseExpr('id > 0') }, [b])).toBe(5);
    expect(resultOf({ kind: 'max', column: 'id', where: parseExpr('id < 50') }, [b])).toBe(5);
  });
});

/** Rows (1-based) whose key occurs more than once, by counting every key. */
function duplicateRows(values: (bigint | null)[], keep: (i: number) => boolean = () => true): number[] {
  const counts = new Map<bigint, number>();
  values.forEach((v, i) => v !== null && keep(i) && counts.set(v, (counts.get(v) ?? 0) + 1));
  return values.flatMap((v, i) => (v !== null && keep(i) && counts.get(v)! > 1 ? [i + 1] : []));
}

describe('duplicate keys', () => {
  const keys = fc.array(fc.option(fc.bigInt({ min: -5n, max: 40n }), { nil: null, freq: 6 }), { minLength: 1, maxLength: 60 });

  it('are found across parts when an empty part sits between two in-order ones (found by the property below)', () => {
    // Parts [2, 3], [] and [2, null]: each part is in order, but 3 > 2 across the empty part.
    const b = batchOf({ id: vectorFromArray([2n, 3n, 2n, null], new Int64()) });
    const spec: MetricSpec = { kind: 'duplicate_count', columns: ['id'], sampleSize: 100 };
    const r = piecewiseResult(spec, b, [2, 2]) as FailuresValue;
    expect({ considered: r.considered, failed: r.failed, rows: r.sample.map((x) => x.row) }).toEqual({
      considered: 3,
      failed: 2,
      rows: [1, 3],
    });
  });

  it('are the same whether keys arrive sorted or not, in one batch or several, on one thread or merged', () => {
    fc.assert(
      fc.property(keys, fc.boolean(), fc.array(fc.nat(), { maxLength: 3 }), (raw, sorted, cuts) => {
        const values = sorted ? [...raw].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0)) : raw;
        const b = batchOf({ id: vectorFromArray(values, new Int64()) });
        const spec: MetricSpec = { kind: 'duplicate_count', columns: ['id'], sampleSize: 100 };
        const rows = duplicateRows(values);
        const expected = { considered: values.filter((v) => v !== null).length, failed: rows.length };
        for (const r of [resultOf(spec, [b]), resultOf(spec, split(b, [7, 3, 11])), piecewiseResult(spec, b, cuts)] as FailuresValue[]) {
          expect({ considered: r.considered, failed: r.failed }).toEqual(expected);
          expect(r.sample.map((s) => s.row)).toEqual(rows);
          expect(r.sample.map((s) => s.values.id)).toEqual(rows.map((row) => Number(values[row - 1])));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('under a where filter, count and sample only the kept rows (row numbers stay the source rows)', () => {
    const values = [1n, 2n, 2n, 3n, 1n, 3n, 4n, 4n];
    const b = batchOf({ id: vectorFromArray(values, new Int64()) });
    const spec: MetricSpec = { kind: 'duplicate_count', columns: ['id'], sampleSize: 10, where: parseExpr('id != 3') };
    for (const batches of [[b], split(b, [3, 2])]) {
      const r = resultOf(spec, batches) as FailuresValue;
      expect([r.considered, r.failed]).toEqual([6, 6]);
      expect(r.sample.map((s) => s.row)).toEqual([1, 2, 3, 5, 7, 8]);
    }
  });
});

describe('is null on numeric columns', () => {
  it('reads the validity bitmap alone, with and without nulls, for int64, timestamps and doubles', () => {
    const b = batchOf({
      id: vectorFromArray([1n, null, 3n], new Int64()),
      t: timestamps(new TimestampMicrosecond(), [null, 5n, 6n]),
      x: vectorFromArray([1.5, NaN, 2], new Float64()),
    });
    const evalOn = (text: string) => Array.from(evaluatePredicate(parseExpr(text), b));
    expect(evalOn('id is null')).toEqual([0, 1, 0]);
    expect(evalOn('id is not null')).toEqual([1, 0, 1]);
    expect(evalOn('t is null')).toEqual([1, 0, 0]);
    expect(evalOn('x is null')).toEqual([0, 0, 0]);
    expect(evalOn('x is not null and id is not null')).toEqual([1, 0, 1]);
  });
});

describe('min and max of strings', () => {
  /** UTF-16 code-unit order, the order the metrics promise (and Array.prototype.sort's default). */
  const reference = (values: (string | null)[]) => {
    const xs = values.filter((x): x is string => x !== null).sort();
    return xs.length === 0 ? [null, null] : [xs[0], xs[xs.length - 1]];
  };
  const ascii = fc.string({ unit: fc.constantFrom('a', 'b', 'B', ' ', '@', '.', '~', '\u0000'), maxLength: 6 });
  // An astral character sorts below U+FFFD in UTF-16 code units but above it in UTF-8 bytes.
  const any = fc.string({ unit: fc.constantFrom('a', 'é', '\uffff', '\ufffd', '😀', '\ue000'), maxLength: 4 });

  it('follow UTF-16 code-unit order, for ASCII batches (compared as bytes) and others, over any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.oneof(ascii, any), { nil: null, freq: 5 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (values, cuts) => {
          const b = batchOf({ s: vectorFromArray(values, new Utf8()) });
          const got = ['min', 'max'].map((kind) => piecewiseResult({ kind, column: 's' } as MetricSpec, b, cuts));
          expect(got).toEqual(reference(values));
        },
      ),
      { numRuns: 300 },
    );
    const b = batchOf({ s: vectorFromArray(['b', 'ab', 'a', 'abc', null], new Utf8()) });
    expect([resultOf({ kind: 'min', column: 's' }, [b]), resultOf({ kind: 'max', column: 's' }, [b])]).toEqual(['a', 'b']);
  });
});

describe('between on a number column', () => {
  it('gives what its two comparisons and their and give, nulls and NaN included', () => {
    const xs = fc.array(fc.option(fc.oneof(fc.integer({ min: -5, max: 15 }), fc.constant(NaN), fc.constant(-0)), { nil: null, freq: 4 }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(xs, fc.integer({ min: -3, max: 8 }), fc.integer({ min: -3, max: 12 }), (values, low, high) => {
        const b = batchOf({ x: vectorFromArray(values, new Float64()) });
        const evalOn = (text: string) => Array.from(evaluatePredicate(parseExpr(text), b));
        expect(evalOn(`x between ${low} and ${high}`)).toEqual(evalOn(`x >= ${low} and x <= ${high}`));
        expect(evalOn(`x not between ${low} and ${high}`)).toEqual(evalOn(`not (x >= ${low} and x <= ${high})`));
      }),
      { numRuns: 200 },
    );
  });
});
