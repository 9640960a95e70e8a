import { describe, expect, expectTypeOf, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { dataset } from '../../src/vitest/index.js';
import type { ColumnOf, Dataset } from '../../src/vitest/index.js';

const orders = defineContract({
  name: 'orders',
  source: { file: 'fixtures/orders.csv' },
  columns: {
    order_id: col.int64().primaryKey(),
    email: col.string().pii(),
    amount: col.decimal(12, 2).nullable(),
  },
});

describe('the vitest matchers are typed by the contract', () => {
  it('offers the contract’s columns to the column matchers', () => {
    expectTypeOf<ColumnOf<Dataset<typeof orders>>>().toEqualTypeOf<'order_id' | 'email' | 'amount'>();
    const ds = dataset(orders);
    expectTypeOf(expect(ds).toHaveNoNulls('email')).toEqualTypeOf<Promise<void>>();
    expect(ds).toHaveUniqueValues('order_id');
    expect(ds).toHaveValuesBetween('amount', 0, null);
    expect(ds).not.toHaveValuesIn('email', ['x']);
  });

  it('makes a misspelt column a compile error', () => {
    const ds = dataset(orders);
    // @ts-expect-error: 'emial' is not a column of orders
    expect(ds).toHaveNoNulls('emial');
    // @ts-expect-error: 'id' is not a column of orders
    expect(ds).toHaveUniqueValues('id');
    // @ts-expect-error: a misspelt column under .not too
    expect(ds).not.toHaveValuesIn('statsu', ['placed']);
  });

  it('types in-memory rows by the contract', () => {
    dataset(orders, [{ order_id: 1n, email: 'a@b.c', amount: null }]);
    // @ts-expect-error: order_id is an int64 (bigint) and amount is missing
    dataset(orders, [{ order_id: 'one', email: 'a@b.c' }]);
  });

  it('takes a suite, a row count and leaves untyped values open', () => {
    const suite = defineSuite(orders, (t) => [t.rowCount().atLeast(1)]);
    expect(dataset(orders)).toPass(suite);
    expect(dataset(orders)).toHaveRowCount({ min: 1 });
    expect(dataset(orders)).toSatisfyContract();
    const untyped: unknown = dataset(orders);
    expect(untyped).toHaveNoNulls('anything');
  });
});
