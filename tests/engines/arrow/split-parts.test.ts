import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitParts } from '../../../src/engines/arrow/parallel/split-parts.js';
import { threadCount } from '../../../src/engines/arrow/parallel/thread-count.js';
import { mergeSorted } from '../../../src/engines/arrow/aggregators/sorted-int64-keys.js';
import type { SourcePart } from '../../../src/sources/source.js';

const partsOf = (rows: number[]): SourcePart[] => {
  let rowOffset = 0;
  return rows.map((r, index) => {
    const p = { file: 0, index, rowOffset, rows: r };
    rowOffset += r;
    return p;
  });
};
const rowsOf = (ranges: SourcePart[][]) => ranges.map((r) => r.reduce((n, p) => n + p.rows, 0));

describe('splitParts', () => {
  it('cuts equal batches into equal contiguous ranges', () => {
    expect(rowsOf(splitParts(partsOf([10, 10, 10, 10]), 2))).toEqual([20, 20]);
    expect(rowsOf(splitParts(partsOf([10, 10, 10, 10, 10, 10]), 3))).toEqual([20, 20, 20]);
  });

  it('gives the main thread a head start of at most a tenth of the rows', () => {
    // 41 batches like the benchmark's: the main range takes ~0.5M rows more.
    const bench = rowsOf(splitParts(partsOf([...Array(40).fill(122_880), 84_800]), 2, 500_000));
    expect(bench[0] - bench[1]).toBeGreaterThan(300_000);
    expect(bench[0] - bench[1]).toBeLessThan(800_000);
    expect(rowsOf(splitParts(partsOf([1000, 1000, 1000, 1000]), 2, 500_000))).toEqual([2000, 2000]);
  });

  it('never makes more ranges than parts, nor an empty range, and keeps every part once in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        (rows, k, head) => {
          const parts = partsOf(rows);
          const ranges = splitParts(parts, k, head);
          expect(ranges.length).toBe(Math.min(k, parts.length));
          for (const r of ranges) expect(r.length).toBeGreaterThan(0);
          expect(ranges.flat()).toEqual(parts);
        },
      ),
    );
  });
});

describe('threadCount', () => {
  it('takes the option, else DATACHECK_THREADS, else at most 2 cores', () => {
    expect(threadCount(3, '1')).toBe(3);
    expect(threadCount(undefined, '1')).toBe(1);
    expect(threadCount(undefined, ' 4 ')).toBe(4);
    expect(threadCount(undefined, undefined)).toBeGreaterThanOrEqual(1);
    expect(threadCount(undefined, undefined)).toBeLessThanOrEqual(2);
  });

  it('rejects a thread count that is not a whole number from 1 to 64', () => {
    for (const bad of ['0', 'two', '1.5', '-1', '1000']) {
      expect(() => threadCount(undefined, bad)).toThrow(
        expect.objectContaining({
          issue: expect.objectContaining({ code: 'engine.threads', expected: 'a whole number from 1 to 64 (1 = single-threaded)' }),
        }),
      );
    }
  });
});

describe('mergeSorted', () => {
  it('merges two sorted int64 runs into the order a full sort gives, negatives and 2^63-1 included', () => {
    const big = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    fc.assert(
      fc.property(fc.array(big), fc.array(big), (a, b) => {
        const sa = BigInt64Array.from(a).sort();
        const sb = BigInt64Array.from(b).sort();
        expect(Array.from(mergeSorted(sa, sb))).toEqual(Array.from(BigInt64Array.from([...a, ...b]).sort()));
      }),
    );
  });
});
