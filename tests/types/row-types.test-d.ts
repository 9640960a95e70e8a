import { describe, expectTypeOf, it } from 'vitest';
import type { RowOf } from '../../src/index.js';
import type orders from '../../contracts/orders.contract.js';
import type products from '../../contracts/products.contract.js';
import type { OrdersRow } from './generated/orders-row.js';
import type { ProductsRow } from './generated/products-row.js';

/**
 * A row as it reads in JSON, which is what a consumer of the published schema receives: dates and
 * timestamps are ISO strings, 64-bit integers numbers, binary base64 text. Everything else
 * (column names, nullability, the union of allowed values) must be exactly RowOf's. RowOf's rows
 * are readonly (rows the run hands out); the consumer's type is plain, so readonly is dropped.
 */
type Wire<T> = { -readonly [K in keyof T]: WireValue<T[K]> };
type WireValue<V> = V extends Date ? string : V extends bigint ? number : V extends Uint8Array ? string : V;

// tests/types/generated/ is written by `datacheck types` from the bundled contracts;
// tests/lifecycle/types-command.test.ts fails when a file there is not what the command writes now.
describe('datacheck types agrees with RowOf', () => {
  it('orders: same columns, the status union, dates as strings', () => {
    expectTypeOf<OrdersRow>().toEqualTypeOf<Wire<RowOf<typeof orders>>>();
    expectTypeOf<OrdersRow['status']>().toEqualTypeOf<'placed' | 'shipped' | 'completed' | 'return_pending' | 'returned'>();
  });

  it('products: a nullable column is `| null`, not optional', () => {
    expectTypeOf<ProductsRow>().toEqualTypeOf<Wire<RowOf<typeof products>>>();
    expectTypeOf<ProductsRow['description']>().toEqualTypeOf<string | null>();
  });
});
