import { describe, expect, it } from 'vitest';
import { makeVector } from 'apache-arrow';
import { ColumnAccumulator } from '../../src/sources/column-accumulator.js';
import type { LogicalType } from '../../src/model/contract.js';
import { T } from './helpers.js';

/** Pushes CSV cells (null = empty unquoted) and returns the finished column as JS values. */
function fromText(type: LogicalType, cells: (string | null)[]) {
  const acc = new ColumnAccumulator('c', type);
  cells.forEach((s, i) => acc.pushText(s, i, i + 2));
  const { data, failures } = acc.finish();
  return { values: [...makeVector(data)], data, failures };
}

describe('ColumnAccumulator (typed buffers)', () => {
  it('keeps every value across buffer growth (the one pushed when the buffer is full was lost at 1024, 2048, ...)', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => String(i + 1));
    for (const type of [T.int32, T.f64, T.int64, T.str]) {
      const { values } = fromText(type, cells);
      expect(values.map(String)).toEqual(cells);
    }
  });

  it("int64: plain values without bigint, huge ones through bigint, negatives in two's complement", () => {
    const { values, data } = fromText(T.int64, [
      '0',
      '-1',
      '123456789012345',
      '-9223372036854775808',
      '9223372036854775807',
      null,
      '+7',
      ' 8 ',
    ]);
    expect(values).toEqual([0n, -1n, 123456789012345n, -9223372036854775808n, 9223372036854775807n, null, 7n, 8n]);
    expect(data.nullCount).toBe(1);
    expect(data.values).toBeInstanceOf(BigInt64Array);
  });

  it('uint64 rejects negatives on the fast path too', () => {
    const { values, failures } = fromText({ type: 'int', bits: 64, signed: false }, ['5', '-5', '18446744073709551615']);
    expect(values).toEqual([5n, null, 18446744073709551615n]);
    expect(failures).toMatchObject({ count: 1, samples: [{ row: 1, line: 3, raw: '-5' }] });
  });

  it('small ints are range-checked on the fast path', () => {
    const { values, failures } = fromText(T.int8, ['127', '-128', '128', '-129', '1.0']);
    expect(values).toEqual([127, -128, null, null, null]);
    expect(failures!.count).toBe(3);
  });

  it('grows past its first capacity and across batches, keeping nulls in place', () => {
    const acc = new ColumnAccumulator('c', T.f64);
    for (let batch = 0; batch < 3; batch++) {
      const n = 5000 + batch * 3000;
      for (let i = 0; i < n; i++) acc.pushText(i % 7 === 0 ? null : `${i}.5`, i, i);
      const { data } = acc.finish();
      const v = makeVector(data);
      expect(v.length).toBe(n);
      expect(v.nullCount).toBe(Math.ceil(n / 7));
      expect(v.get(n - 1)).toBe((n - 1) % 7 === 0 ? null : n - 1 + 0.5);
      expect(v.get(7)).toBeNull();
    }
  });

  it('strings: ASCII, multi-byte UTF-8 (incl. surrogate pairs), empty strings and nulls', () => {
    const cells = ['plain', 'café', '日本語', '😀 ok', '', null, 'a'.repeat(5000)];
    const { values, data } = fromText(T.str, cells);
    expect(values).toEqual(cells);
    expect(data.nullCount).toBe(1);
  });

  it('many strings grow the byte buffer without corrupting earlier values', () => {
    const acc = new ColumnAccumulator('c', undefined);
    const cells = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `ü${i}` : `row-${i}`));
    cells.forEach((s, i) => acc.pushText(s, i, i));
    expect([...makeVector(acc.finish().data)]).toEqual(cells);
  });

  it('timestamps: fast path and zone/ns bigint path give the same instants', () => {
    const { data } = fromText(T.ts('ns'), ['2024-01-02T03:04:05.123456789Z', '2024-01-02T04:04:05.123456789+01:00']);
    const ns = BigInt(Date.UTC(2024, 0, 2, 3, 4, 5) / 1000) * 1_000_000_000n + 123_456_789n;
    expect([...(data.values as BigInt64Array)]).toEqual([ns, ns]);
    const us = fromText(T.ts('us'), ['2024-01-02 03:04:05.5', '1969-12-31T23:59:59.999999', 'yesterday']);
    expect([...(us.data.values as BigInt64Array)].slice(0, 2)).toEqual([BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1000n + 500_000n, -1n]);
    expect(us.failures!.samples[0].raw).toBe('yesterday');
  });

  it('bools, dates and decimals', () => {
    expect(fromText(T.bool, ['true', 'no', null, 'maybe']).values).toEqual([true, false, null, null]);
    expect(fromText(T.date, ['1970-01-02', '2024-02-30']).values[1]).toBeNull();
    expect(fromText(T.dec(4, 2), ['12.34', '123.4', '1.234', '-0.10']).values).toEqual([12.34, null, null, -0.1]);
  });

  it('JSON values (the json source) fill the same buffers; null stays null', () => {
    const acc = new ColumnAccumulator('c', T.int64);
    for (const v of [1, null, -2, 2 ** 40]) acc.pushJson(v, 0, 1);
    expect([...makeVector(acc.finish().data)]).toEqual([1n, null, -2n, 2n ** 40n]);
  });
});
