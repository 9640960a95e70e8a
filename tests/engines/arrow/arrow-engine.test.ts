import { describe, expect, it } from 'vitest';
import { Dictionary, Float64, Int32, Int64, TimestampMillisecond, Utf8, vectorFromArray, DateDay, Bool } from 'apache-arrow';
import { arrowEngine } from '../../../src/engines/arrow/arrow-engine.js';
import { parseExpr } from '../../../src/expr/parse-expr.js';
import { DatacheckError } from '../../../src/model/issue.js';
import type { MetricOutcome, MetricSpec } from '../../../src/model/metric.js';
import { batchOf, contractDeclaring, planned, sourceOf, split } from './helpers.js';

const contract = contractDeclaring(['order_id', 'amount', 'status', 'email', 'ordered_at', 'd', 'f']);
const value = (o: MetricOutcome | undefined) => {
  if (!o?.ok) throw new Error(`metric failed: ${JSON.stringify(o)}`);
  return o.value;
};

const orders = batchOf({
  order_id: vectorFromArray([1n, 2n, 3n, 2n, 5n, 6n, 2n, 8n, null, 10n], new Int64()),
  amount: vectorFromArray([10, 20, null, 40, NaN, 60, 70, 80, 90, 100], new Float64()),
  status: vectorFromArray(
    ['placed', 'shipped', 'placed', null, 'returned', 'placed', 'shipped', 'lost', 'placed', 'placed'],
    new Dictionary(new Utf8(), new Int32()),
  ),
  email: vectorFromArray(['a@x.io', 'b@x.io', 'bad', 'c@x.io', null, 'd@x.io', 'e@x', 'f@x.io', 'g@x.io', 'h@x.io'], new Utf8()),
  ordered_at: vectorFromArray(
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => new Date(Date.UTC(2024, 4, d))),
    new TimestampMillisecond(),
  ),
});

const specs: Record<string, MetricSpec> = {
  rows: { kind: 'row_count' },
  placed: { kind: 'row_count', where: parseExpr("status = 'placed'") },
  nullAmount: { kind: 'null_count', column: 'amount' },
  nullStatus: { kind: 'null_count', column: 'status', where: parseExpr('amount > 15') },
  minAmount: { kind: 'min', column: 'amount' },
  maxStatus: { kind: 'max', column: 'status' },
  maxEmail: { kind: 'max', column: 'email', where: parseExpr("status = 'placed'") },
  maxAt: { kind: 'max', column: 'ordered_at' },
  moments: { kind: 'moments', column: 'amount' },
  quantiles: { kind: 'quantiles', column: 'amount', probs: [0, 0.25, 0.5, 0.95, 1] },
  distinctStatus: { kind: 'distinct_count', columns: ['status'] },
  distinctIds: { kind: 'distinct_count', columns: ['order_id'] },
  distinctPair: { kind: 'distinct_count', columns: ['status', 'order_id'] },
  dups: { kind: 'duplicate_count', columns: ['order_id'], sampleSize: 10 },
  dupPairs: { kind: 'duplicate_count', columns: ['status', 'email'], sampleSize: 10 },
  shipped: { kind: 'value_count', column: 'status', value: 'shipped' },
  emails: { kind: 'predicate_failures', column: 'email', predicate: parseExpr("matches(email, '^[^@]+@[^@]+\\.[^@]+$')"), sampleSize: 1 },
  statusOk: {
    kind: 'predicate_failures',
    column: 'status',
    predicate: parseExpr("status in ('placed', 'shipped', 'returned')"),
    includeNulls: true,
    sampleSize: 5,
  },
  schema: { kind: 'schema' },
};

async function compute(batches = [orders], metrics = specs) {
  return arrowEngine.compute(sourceOf(batches), planned(metrics), { contract });
}

describe('arrowEngine', () => {
  it('computes every metric in one pass', async () => {
    const r = await compute();
    expect(value(r.get('rows'))).toBe(10);
    expect(value(r.get('placed'))).toBe(5);
    expect(value(r.get('nullAmount'))).toBe(1); // NaN is not null
    expect(value(r.get('nullStatus'))).toBe(1);
    expect(value(r.get('minAmount'))).toBe(10);
    expect(value(r.get('maxStatus'))).toBe('shipped');
    expect(value(r.get('maxEmail'))).toBe('h@x.io');
    expect(value(r.get('maxAt'))).toBe(Date.UTC(2024, 4, 10));
    const m = value(r.get('moments')) as { count: number; sum: number; mean: number; m2: number };
    expect(m.count).toBe(8);
    expect(m.sum).toBe(470);
    expect(m.mean).toBeCloseTo(58.75, 12);
    expect(m.m2).toBeCloseTo(
      [10, 20, 40, 60, 70, 80, 90, 100].reduce((s, x) => s + (x - 58.75) ** 2, 0),
      9,
    );
    // numpy.quantile([10,20,40,60,70,80,90,100], [0,.25,.5,.95,1]) -> 10, 35, 65, 97, 100
    expect(value(r.get('quantiles'))).toEqual([10, 35, 65, 96.5, 100]);
    expect(value(r.get('distinctStatus'))).toBe(4);
    expect(value(r.get('distinctIds'))).toBe(7);
    expect(value(r.get('distinctPair'))).toBe(7);
    expect(value(r.get('shipped'))).toBe(2);
    expect(value(r.get('dups'))).toEqual({
      considered: 9,
      failed: 3,
      sample: [
        { row: 2, values: { order_id: 2, amount: 20, status: 'shipped', email: 'b@x.io', ordered_at: '2024-05-02T00:00:00.000Z' } },
        { row: 4, values: { order_id: 2, amount: 40, status: null, email: 'c@x.io', ordered_at: '2024-05-04T00:00:00.000Z' } },
        { row: 7, values: { order_id: 2, amount: 70, status: 'shipped', email: 'e@x', ordered_at: '2024-05-07T00:00:00.000Z' } },
      ],
    });
    expect(value(r.get('dupPairs'))).toEqual({ considered: 8, failed: 0, sample: [] });
    expect(value(r.get('emails'))).toEqual({
      considered: 9,
      failed: 2,
      sample: [{ row: 3, values: { order_id: 3, amount: null, status: 'placed', email: 'bad', ordered_at: '2024-05-03T00:00:00.000Z' } }],
    });
    expect(value(r.get('statusOk'))).toMatchObject({ considered: 10, failed: 1, sample: [{ row: 8, values: { status: 'lost' } }] });
    expect(value(r.get('schema'))).toEqual({
      columns: [
        { name: 'order_id', arrowType: 'Int64', logical: { type: 'int', bits: 64, signed: true }, nullable: true },
        { name: 'amount', arrowType: 'Float64', logical: { type: 'float', bits: 64 }, nullable: true },
        { name: 'status', arrowType: 'Dictionary<Int32, Utf8>', logical: { type: 'string' }, nullable: true },
        { name: 'email', arrowType: 'Utf8', logical: { type: 'string' }, nullable: true },
        { name: 'ordered_at', arrowType: 'Timestamp<MILLISECOND>', logical: { type: 'timestamp', unit: 'ms' }, nullable: true },
      ],
    });
  });

  it('gives identical results however the table is split into batches', async () => {
    const whole = await compute();
    for (const sizes of [[1], [3, 3, 3], [7], [2, 5, 1], [9]]) {
      const parts = split(orders, sizes.length === 1 ? Array(10).fill(sizes[0]) : sizes);
      expect(await compute(parts)).toEqual(whole);
    }
  });

  it('reports a missing column or an unsupported type per metric and computes the rest', async () => {
    const r = await compute([orders], {
      rows: { kind: 'row_count' },
      missing: { kind: 'null_count', column: 'nope' },
      badWhere: { kind: 'row_count', where: parseExpr('nope > 1') },
      badRegex: { kind: 'predicate_failures', predicate: parseExpr("matches(email, '(')"), sampleSize: 1 },
      meanOfString: { kind: 'moments', column: 'email' },
      orphans: { kind: 'orphan_count', columns: ['order_id'], ref: { dataset: 'x', columns: ['id'] }, sampleSize: 1 },
    });
    expect(value(r.get('rows'))).toBe(10);
    const issue = (k: string) => {
      const o = r.get(k)!;
      if (o.ok) throw new Error(`${k} should have failed`);
      return o.issue;
    };
    expect(issue('missing')).toMatchObject({
      code: 'metric.missing_column',
      message: expect.stringContaining("column 'nope' is not in the data"),
    });
    expect(issue('badWhere').code).toBe('expr.unknown_column');
    expect(issue('badRegex').code).toBe('expr.regex');
    expect(issue('meanOfString')).toMatchObject({ code: 'metric.unsupported_type', found: 'a string' });
    expect(issue('orphans').message).toBe('orphan_count is not supported by the arrow engine');
  });

  it('lets a source error propagate', async () => {
    const failing = {
      description: 'broken',
      async *batches() {
        yield { batch: orders, rowOffset: 0 };
        throw new DatacheckError({ code: 'csv.ragged_row', message: 'row 11 has 3 fields' });
      },
    };
    await expect(arrowEngine.compute(failing, planned({ rows: { kind: 'row_count' } }), { contract })).rejects.toThrow(
      'row 11 has 3 fields',
    );
  });

  it('samples failing rows with dataset row numbers and source lines across batches', async () => {
    const parts = split(orders, [4, 4, 2]);
    const source = sourceOf(parts, (sb) => ({ lines: Int32Array.from({ length: sb.batch.numRows }, (_, i) => 100 + sb.rowOffset + i) }));
    const r = await arrowEngine.compute(
      source,
      planned({ e: { kind: 'predicate_failures', column: 'email', predicate: parseExpr("matches(email, '\\.io$')"), sampleSize: 5 } }),
      { contract },
    );
    expect((value(r.get('e')) as { sample: { row: number; line?: number }[] }).sample.map((s) => [s.row, s.line])).toEqual([
      [3, 102],
      [7, 106],
    ]);
  });

  it('leaves a value that did not parse to the type check: metrics counting nulls do not see it', async () => {
    // Row 3 reads as null because 'abc' did not parse; row 9 (index 8) holds no value at all.
    const withNull = batchOf({ amount: vectorFromArray([10, 20, null, 40, 50, 60, 70, 80, null, 100], new Float64()) });
    const source = sourceOf(split(withNull, [5, 5]), (sb) =>
      sb.rowOffset === 0
        ? { parseFailures: [{ column: 'amount', count: 1, expected: 'float64', samples: [{ row: 2, raw: 'abc' }], rows: [2] }] }
        : {},
    );
    const r = await arrowEngine.compute(
      source,
      planned({
        notNull: {
          kind: 'predicate_failures',
          column: 'amount',
          predicate: parseExpr('amount is not null'),
          includeNulls: true,
          sampleSize: 5,
        },
        isNull: { kind: 'predicate_failures', column: 'amount', predicate: parseExpr('amount is null'), includeNulls: true, sampleSize: 0 },
        unparsed: { kind: 'parse_failures', column: 'amount', sampleSize: 5 },
      }),
      { contract },
    );
    expect(value(r.get('notNull'))).toEqual({ considered: 9, failed: 1, sample: [{ row: 9, values: { amount: null } }] });
    expect(value(r.get('isNull'))).toMatchObject({ considered: 9, failed: 8 });
    expect(value(r.get('unparsed'))).toMatchObject({ failed: 1, sample: [{ row: 3, values: { amount: 'abc' } }] });
  });

  it('sums parse failures of a column with their samples', async () => {
    const parts = split(orders, [5, 5]);
    const source = sourceOf(parts, (sb) => ({
      parseFailures: [
        {
          column: 'amount',
          count: 1,
          expected: 'float64',
          samples: [{ row: sb.rowOffset + 2, line: sb.rowOffset + 4, raw: `x${sb.rowOffset}` }],
          rows: [sb.rowOffset + 2],
        },
      ],
    }));
    const r = await arrowEngine.compute(source, planned({ p: { kind: 'parse_failures', column: 'amount', sampleSize: 10 } }), { contract });
    expect(value(r.get('p'))).toEqual({
      considered: 10,
      failed: 2,
      sample: [
        { row: 3, line: 4, values: { amount: 'x0' } },
        { row: 8, line: 9, values: { amount: 'x5' } },
      ],
    });
  });

  it('resolves current_date and now() against the run time', async () => {
    const now = new Date('2024-05-10T12:00:00Z');
    const r = await arrowEngine.compute(
      sourceOf([orders]),
      planned({
        week: { kind: 'row_count', where: parseExpr('ordered_at >= current_date - 7') },
        day: { kind: 'row_count', where: parseExpr("ordered_at >= now() - interval '36 hours'") },
      }),
      { contract, now },
    );
    expect(value(r.get('week'))).toBe(8);
    expect(value(r.get('day'))).toBe(2);
  });

  it('handles dates, booleans and an empty source', async () => {
    const b = batchOf({
      d: vectorFromArray([new Date('2024-01-02'), null, new Date('2023-12-31')], new DateDay()),
      f: vectorFromArray([true, null, false], new Bool()),
    });
    const r = await compute([b], {
      min: { kind: 'min', column: 'd' },
      nulls: { kind: 'null_count', column: 'f' },
      distinct: { kind: 'distinct_count', columns: ['f'] },
    });
    expect(value(r.get('min'))).toBe(Date.UTC(2023, 11, 31));
    expect(value(r.get('nulls'))).toBe(1);
    expect(value(r.get('distinct'))).toBe(2);
    const empty = await compute([], {
      rows: { kind: 'row_count' },
      min: { kind: 'min', column: 'x' },
      q: { kind: 'quantiles', column: 'x', probs: [0.5] },
    });
    expect([value(empty.get('rows')), value(empty.get('min')), value(empty.get('q'))]).toEqual([0, null, []]);
  });
});
