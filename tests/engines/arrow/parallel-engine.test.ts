import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Float64, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createArrowEngine } from '../../../src/engines/arrow/arrow-engine.js';
import type { ArrowEngineOptions } from '../../../src/engines/arrow/arrow-engine.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import type { MetricResults, MetricSpec } from '../../../src/model/metric.js';
import { openSource } from '../../../src/sources/open-source.js';
import type { OpenedSource } from '../../../src/sources/source.js';
import { batchOf, contractDeclaring, planned } from './helpers.js';
import { ordersBatch, tempDir, writeSplit } from './ipc-files.js';

const contract = contractDeclaring(['id', 'amount', 'status', 'email', 'code', 'at', 'tag', 'n'], 'orders');
const now = new Date(Date.UTC(2024, 6, 1));

/** Every metric kind the Arrow engine implements, with filters and small samples. */
const specs: Record<string, MetricSpec> = {
  rows: { kind: 'row_count' },
  recent: { kind: 'row_count', where: parseExpr('at >= current_date - 30') },
  nullAmount: { kind: 'null_count', column: 'amount' },
  nullStatusLost: { kind: 'null_count', column: 'email', where: parseExpr("status = 'lost'") },
  minAmount: { kind: 'min', column: 'amount' },
  maxAmount: { kind: 'max', column: 'amount', where: parseExpr("status = 'placed'") },
  minEmail: { kind: 'min', column: 'email' },
  maxAt: { kind: 'max', column: 'at' },
  moments: { kind: 'moments', column: 'amount' },
  momentsPlaced: { kind: 'moments', column: 'amount', where: parseExpr("status = 'placed'") },
  quantiles: { kind: 'quantiles', column: 'amount', probs: [0, 0.1, 0.5, 0.95, 1] },
  distinctIds: { kind: 'distinct_count', columns: ['id'] },
  distinctStatus: { kind: 'distinct_count', columns: ['status'] },
  distinctEmail: { kind: 'distinct_count', columns: ['email'] },
  distinctPair: { kind: 'distinct_count', columns: ['status', 'code'] },
  dupIds: { kind: 'duplicate_count', columns: ['id'], sampleSize: 7 },
  dupAmounts: { kind: 'duplicate_count', columns: ['amount'], sampleSize: 4, where: parseExpr('amount > 500') },
  // Text keys: their sample pairs a key's first and second rows, so they stay on the main thread.
  dupCodes: { kind: 'duplicate_count', columns: ['code'], sampleSize: 5 },
  dupPairs: { kind: 'duplicate_count', columns: ['status', 'code'], sampleSize: 6 },
  shipped: { kind: 'value_count', column: 'status', value: 'shipped' },
  emailLengths: { kind: 'length_stats', column: 'email' },
  statusEntropy: { kind: 'entropy', column: 'status', maxDistinct: 1000 },
  approxEmails: { kind: 'approx_distinct_count', column: 'email' },
  approxIds: { kind: 'approx_distinct_count', column: 'id', where: parseExpr("status = 'placed'") },
  approxAmounts: { kind: 'approx_quantiles', column: 'amount', probs: [0.1, 0.5, 0.99] },
  emails: { kind: 'predicate_failures', column: 'email', predicate: parseExpr("matches(email, '^[^@]+@[^@]+\\.[^@]+$')"), sampleSize: 5 },
  emailsAll: {
    kind: 'predicate_failures',
    column: 'email',
    predicate: parseExpr("matches(email, '^[^@]+@[^@]+\\.[^@]+$')"),
    sampleSize: 1000,
  },
  statusOk: {
    kind: 'predicate_failures',
    column: 'status',
    predicate: parseExpr("status in ('placed', 'shipped', 'completed')"),
    includeNulls: true,
    sampleSize: 3,
  },
  amountRange: {
    kind: 'predicate_failures',
    column: 'amount',
    predicate: parseExpr('amount >= 0 and amount <= 900'),
    where: parseExpr("status <> 'lost'"),
    sampleSize: 10,
  },
  // Row order: the first value of each range is held to the last of the range before it.
  amountOrder: { kind: 'order_violations', column: 'amount', direction: 'increasing', strictly: false, sampleSize: 5 },
  atOrder: {
    kind: 'order_violations',
    column: 'at',
    direction: 'decreasing',
    strictly: true,
    where: parseExpr("status <> 'lost'"),
    sampleSize: 3,
  },
  missing: { kind: 'null_count', column: 'nope' },
  badWhere: { kind: 'row_count', where: parseExpr('nope > 1') },
  meanOfString: { kind: 'moments', column: 'email' },
  schema: { kind: 'schema' },
};

async function compute(source: OpenedSource, options: ArrowEngineOptions, metrics = specs): Promise<MetricResults> {
  return createArrowEngine(options).compute(source, planned(metrics), { contract, now });
}

/** Computes single-threaded and split over `threads`, asserting the split really happened. */
async function both(source: OpenedSource, threads: number, metrics = specs) {
  const ranges: number[][] = [];
  const one = await compute(source, { threads: 1 }, metrics);
  const many = await compute(source, { threads, minRows: 0, onSplit: (r) => ranges.push(r) }, metrics);
  expect(ranges).toHaveLength(1);
  expect(ranges[0].length).toBeGreaterThan(1);
  return { one, many, ranges: ranges[0] };
}

describe('arrow engine on several threads', () => {
  it('gives exactly the single-threaded results, failing-row samples and row numbers included', async () => {
    const dir = tempDir();
    try {
      const whole = ordersBatch(6000, 7);
      writeSplit(dir, 'orders.arrow', whole, [700, 1300, 400, 900, 1100, 600, 500]);
      const source = await openSource({ file: 'orders.arrow' }, { contract, baseDir: dir });
      for (const threads of [2, 3]) {
        const { one, many, ranges } = await both(source, threads);
        expect(ranges.reduce((a, b) => a + b, 0)).toBe(6000);
        expect(many).toEqual(one);
      }
      // The data really exercises what merging must get right.
      const one = await compute(source, { threads: 1 });
      const dup = one.get('dupIds') as { ok: true; value: { failed: number; sample: { row: number }[] } };
      expect(dup.value.failed).toBeGreaterThan(100);
      expect(dup.value.sample.length).toBe(7);
      const emails = one.get('emailsAll') as { ok: true; value: { failed: number; sample: { row: number }[] } };
      expect(emails.value.sample.length).toBe(emails.value.failed);
      expect(Math.max(...emails.value.sample.map((s) => s.row))).toBeGreaterThan(5000); // samples from the last batches too
      expect(one.get('missing')).toMatchObject({ ok: false, issue: { code: 'metric.missing_column' } });
      expect(one.get('meanOfString')).toMatchObject({ ok: false, issue: { code: 'metric.unsupported_type' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('samples text-key duplicates whose first and second rows fall in different ranges', async () => {
    const dir = tempDir();
    try {
      const tags = Array.from({ length: 4000 }, (_, i) => `t${i}`);
      tags[3500] = tags[100]; // first row in the main thread's range, second in the worker's
      tags[1300] = tags[1200];
      const whole = batchOf({
        tag: vectorFromArray(tags, new Utf8()),
        n: vectorFromArray(
          tags.map((_, i) => i % 2),
          new Float64(),
        ),
      });
      writeSplit(dir, 'tags.arrow', whole, [1000, 1000, 1000, 1000]);
      const source = await openSource({ file: 'tags.arrow' }, { contract, baseDir: dir });
      const metrics: Record<string, MetricSpec> = {
        tag: { kind: 'duplicate_count', columns: ['tag'], sampleSize: 4 },
        pair: { kind: 'duplicate_count', columns: ['tag', 'n'], sampleSize: 4 },
      };
      const { one, many, ranges } = await both(source, 2, metrics);
      expect(ranges).toEqual([2000, 2000]);
      expect(many).toEqual(one);
      expect(one.get('tag')).toEqual({
        ok: true,
        value: {
          considered: 4000,
          failed: 4,
          sample: [101, 1201, 1301, 3501].map((row) => ({ row, values: { tag: tags[row - 1], n: (row - 1) % 2 } })),
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits a glob of files whose columns differ, keeping row offsets across files', async () => {
    const dir = tempDir();
    try {
      const a = ordersBatch(1500, 3);
      const b = ordersBatch(2500, 4);
      writeSplit(dir, 'part-1.arrow', a, [500, 500, 500]);
      // The second file lacks `code` and has its columns in another order: unioned by name.
      const bNoCode = batchOf(Object.fromEntries(['at', 'email', 'status', 'amount', 'id'].map((c) => [c, b.getChild(c)!])));
      writeSplit(dir, 'part-2.arrow', bNoCode, [1000, 800, 700]);
      const source = await openSource({ file: 'part-*.arrow' }, { contract, baseDir: dir });
      const { one, many } = await both(source, 2);
      expect(many).toEqual(one);
      expect(one.get('rows')).toEqual({ ok: true, value: 4000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays on one thread for small data, for one part, and when told DATACHECK_THREADS=1', async () => {
    const dir = tempDir();
    try {
      writeSplit(dir, 'small.arrow', ordersBatch(3000, 5), [1000, 1000, 1000]);
      writeSplit(dir, 'one.arrow', ordersBatch(3000, 5), [3000]);
      const small = await openSource({ file: 'small.arrow' }, { contract, baseDir: dir });
      const single = await openSource({ file: 'one.arrow' }, { contract, baseDir: dir });
      const splits: number[][] = [];
      const onSplit = (r: number[]) => splits.push(r);
      await compute(small, { threads: 2, onSplit }, { rows: { kind: 'row_count' } }); // default threshold: 1M rows
      await compute(single, { threads: 2, minRows: 0, onSplit }, { rows: { kind: 'row_count' } });
      const before = process.env.DATACHECK_THREADS;
      process.env.DATACHECK_THREADS = '1';
      try {
        await compute(small, { minRows: 0, onSplit }, { rows: { kind: 'row_count' } });
      } finally {
        if (before === undefined) delete process.env.DATACHECK_THREADS;
        else process.env.DATACHECK_THREADS = before;
      }
      expect(splits).toEqual([]);
      await compute(small, { threads: 2, minRows: 0, onSplit }, { rows: { kind: 'row_count' } });
      expect(splits).toEqual([[2000, 1000]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("surfaces an error reading a worker's part as a DatacheckError naming the file, and does not hang", async () => {
    const dir = tempDir();
    try {
      const data = ordersBatch(4000, 9);
      writeSplit(dir, 'orders.arrow', data, [1000, 1000, 1000, 1000]);
      const source = await openSource({ file: 'orders.arrow' }, { contract, baseDir: dir });
      const listed = await source.parts!();
      // The file is cut to its first two batches after its parts were listed: the main thread's
      // range (batches 0 and 1) still reads, the worker's batches 2 and 3 are gone.
      writeSplit(dir, 'orders.arrow', data.slice(0, 2000), [1000, 1000]);
      const stale: OpenedSource = { ...source, parts: async () => listed };
      const splits: number[][] = [];
      const err = await compute(stale, { threads: 2, minRows: 0, onSplit: (r) => splits.push(r) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(splits).toEqual([[2000, 2000]]);
      expect(err).toMatchObject({
        name: 'DatacheckError',
        issue: {
          code: 'arrow.changed',
          location: { file: 'orders.arrow' },
          message: expect.stringContaining('orders.arrow: record batch'),
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a corrupt batch exactly as the single-threaded path does', async () => {
    const dir = tempDir();
    try {
      const whole = batchOf({
        id: vectorFromArray(
          Array.from({ length: 4000 }, (_, i) => BigInt(i)),
          new Int64(),
        ),
        s: vectorFromArray(
          Array.from({ length: 4000 }, (_, i) => `v${i}`),
          new Utf8(),
        ),
        x: vectorFromArray(
          Array.from({ length: 4000 }, (_, i) => i / 3),
          new Float64(),
        ),
      });
      const bytes = tableToIPC(new Table([0, 1, 2, 3].map((k) => whole.slice(k * 1000, (k + 1) * 1000))), 'file');
      // Cut the file inside the last batch's body but keep a valid footer: reading batch 3 fails.
      const footerLen = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 10, 4).getInt32(0, true);
      const footerStart = bytes.length - 10 - footerLen;
      const broken = new Uint8Array(bytes.length - 20_000);
      broken.set(bytes.subarray(0, footerStart - 20_000));
      broken.set(bytes.subarray(footerStart), footerStart - 20_000);
      writeFileSync(path.join(dir, 'broken.arrow'), broken);
      const source = await openSource({ file: 'broken.arrow' }, { contract, baseDir: dir });
      const metrics = { rows: { kind: 'row_count' }, nulls: { kind: 'null_count', column: 'x' } } satisfies Record<string, MetricSpec>;
      const one = await compute(source, { threads: 1 }, metrics).then(
        () => undefined,
        (e: unknown) => e,
      );
      const splits: number[][] = [];
      const many = await compute(source, { threads: 2, minRows: 0, onSplit: (r) => splits.push(r) }, metrics).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(one).toMatchObject({ name: 'DatacheckError', issue: { location: { file: 'broken.arrow' } } });
      expect(many).toMatchObject({ name: 'DatacheckError', issue: (one as { issue: unknown }).issue });
      expect(splits).toEqual([[2000, 2000]]); // the error came from the worker's range
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merges identically for random batch sizes and thread counts (property)', async () => {
    const dir = tempDir();
    const whole = ordersBatch(2500, 11);
    const metrics = Object.fromEntries(
      ['rows', 'moments', 'quantiles', 'dupIds', 'dupCodes', 'emails', 'amountRange', 'distinctEmail', 'minEmail', 'schema'].map((k) => [
        k,
        specs[k],
      ]),
    );
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 2, maxLength: 8 }),
          fc.integer({ min: 2, max: 4 }),
          async (sizes, threads) => {
            const name = `r${run++}.arrow`;
            writeSplit(dir, name, whole, sizes);
            const source = await openSource({ file: name }, { contract, baseDir: dir });
            const { one, many } = await both(source, threads, metrics);
            expect(many).toEqual(one);
          },
        ),
        { numRuns: 6, seed: 20261123, endOnFailure: true },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
