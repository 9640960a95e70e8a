import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { col, defineContract } from '../../src/index.js';
import { lineOf } from '../support/line-of.js';

const here = fileURLToPath(import.meta.url);

describe('defineContract', () => {
  // The marker names the line above the call (a formatter keeps a comment on its own line).
  // @marker:contract
  const orders = defineContract({
    name: 'orders',
    version: '1.3.0',
    owner: 'commerce-data',
    source: { file: 'fixtures/orders.csv' },
    columns: {
      order_id: col.int64().primaryKey(), // @marker:order_id
      status: col.string().oneOf(['placed', 'shipped']),
      amount: col.decimal(12, 2).nullable().min(0),
      email: col.string().format('email').pii(),
      ordered_at: col.timestamp('ms', 'UTC'),
    },
    freshness: { column: 'ordered_at', within: '24h' },
  });

  it('returns plain, JSON-serializable data', () => {
    const copy = JSON.parse(JSON.stringify(orders));
    expect(copy).toEqual(orders);
    expect(orders.kind).toBe('contract');
    expect(orders.columns.order_id.type).toEqual({ type: 'int', bits: 64, signed: true });
    expect(orders.columns.amount).toMatchObject({ type: { type: 'decimal', precision: 12, scale: 2 }, nullable: true, min: 0 });
    expect(orders.columns.ordered_at.type).toEqual({ type: 'timestamp', unit: 'ms', tz: 'UTC' });
  });

  it('makes columns NOT NULL unless nullable() is called', () => {
    expect(orders.columns.status.nullable).toBe(false);
    expect(orders.columns.amount.nullable).toBe(true);
  });

  it('remembers where the contract and each column were written', () => {
    expect(orders.location).toMatchObject({ file: here, line: lineOf(import.meta.url, '@marker:contract') + 1 });
    expect(orders.columns.order_id.location).toMatchObject({ file: here, line: lineOf(import.meta.url, '@marker:order_id') });
  });

  it('builders are immutable: a modifier returns a new column', () => {
    const base = col.string();
    const unique = base.unique();
    expect(base.def.unique).toBeUndefined();
    expect(unique.def.unique).toBe(true);
  });

  it('rejects an invalid regex at the line that declares it', () => {
    let error: any;
    try {
      col.string().pattern('([a-z]'); // @marker:bad-regex
    } catch (e) {
      error = e;
    }
    expect(error?.issue).toMatchObject({
      code: 'check.invalid_regex',
      location: { file: here, line: lineOf(import.meta.url, '@marker:bad-regex') },
      found: '/([a-z]/',
    });
  });

  it('rejects a reference that is not dataset.column', () => {
    expect(() => col.int32().references('customers' as never)).toThrowError(/references\(\) expects 'dataset.column'/);
  });

  it('rejects a freshness column the contract lacks, naming the columns it has', () => {
    expect(() => defineContract({ name: 'x', columns: { a: col.date() }, freshness: { column: 'b' as 'a', within: '1d' } })).toThrowError(
      /freshness names column 'b'/,
    );
  });

  it('rejects a contract without a name or columns', () => {
    expect(() => defineContract({ name: '', columns: { a: col.bool() } })).toThrowError(/non-empty `name`/);
    expect(() => defineContract({ name: 'empty', columns: {} })).toThrowError(/declares no columns/);
  });
  it('rejects a column range no value could satisfy, at the column’s line', () => {
    const bad = (column: () => unknown) => {
      try {
        column();
      } catch (e) {
        return (e as { issue: { code: string; message: string; location: { line: number } } }).issue;
      }
      throw new Error('expected the column to be rejected');
    };
    const between = bad(() => col.int32().between(10, 1)); // @marker:contract-between
    expect(between).toMatchObject({
      code: 'contract.invalid_option',
      location: { line: lineOf(import.meta.url, '@marker:contract-between') },
    });
    expect(between.message).toBe('between(): the lower bound 10 is above the upper bound 1, so no value could pass');
    expect(bad(() => col.int32().min(10).max(1)).message).toMatch(/^max\(\): the lower bound 10/);
    expect(bad(() => col.date().max('2024-01-01').min('2024-02-01')).message).toMatch(/^min\(\): the lower bound "2024-02-01"/);
    expect(bad(() => col.string().length(5, 2)).message).toMatch(/^length\(\): the lower bound 5/);
    expect(col.int32().min(1).max(1).def).toMatchObject({ min: 1, max: 1 });
  });

  it('keeps a compound primary key as plain data', () => {
    const c = defineContract({
      name: 'lines',
      columns: { order_id: col.int64(), line_no: col.int32() },
      primaryKey: ['order_id', 'line_no'],
    });
    expect(c.primaryKey).toEqual(['order_id', 'line_no']);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('refuses two .primaryKey() columns at the contract, saying how to write a compound key', () => {
    let issue: { code: string; message: string; expected: string; location: { line: number } } | undefined;
    try {
      // @marker:two-keys
      defineContract({
        name: 'lines',
        columns: { order_id: col.int64().primaryKey(), line_no: col.int32().primaryKey() },
      });
    } catch (e) {
      issue = (e as { issue: typeof issue }).issue;
    }
    expect(issue).toMatchObject({
      code: 'contract.invalid',
      expected: "primaryKey: ['order_id', 'line_no']",
      location: { line: lineOf(import.meta.url, '@marker:two-keys') + 1 },
    });
    expect(issue!.message).toContain("write primaryKey: ['order_id', 'line_no'] for a compound key");
  });

  it('refuses a primary key naming an undeclared column, repeating one, empty, or declared twice', () => {
    const columns = { order_id: col.int64(), line_no: col.int32() };
    expect(() => defineContract({ name: 'l', columns, primaryKey: ['order_id', 'line_nr' as never] })).toThrowError(
      expect.objectContaining({ issue: expect.objectContaining({ code: 'contract.invalid', found: 'line_nr' }) }),
    );
    expect(() => defineContract({ name: 'l', columns, primaryKey: ['order_id', 'order_id'] })).toThrowError(/invalid primaryKey/);
    expect(() => defineContract({ name: 'l', columns, primaryKey: [] })).toThrowError(/invalid primaryKey/);
    expect(() =>
      defineContract({ name: 'l', columns: { ...columns, order_id: col.int64().primaryKey() }, primaryKey: ['order_id', 'line_no'] }),
    ).toThrowError(expect.objectContaining({ issue: expect.objectContaining({ expected: expect.stringMatching(/key in one place/) }) }));
  });
});
