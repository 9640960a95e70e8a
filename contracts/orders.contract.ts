import { col, defineContract } from 'datacheck';
import type { RowOf } from 'datacheck';

const orders = defineContract({
  name: 'orders',
  version: '1.2.0',
  owner: 'jaffle-analytics',
  description: 'Orders placed in the Jaffle Shop, with their fulfilment status.',
  source: { file: 'fixtures/jaffle_shop/orders.csv' },
  columns: {
    id: col.int32().primaryKey(),
    user_id: col.int32().references('customers.id'),
    order_date: col.date().between('2018-01-01', '2018-12-31'),
    status: col.string().oneOf(['placed', 'shipped', 'completed', 'return_pending', 'returned']),
  },
});

/** The static row type a contract gives: status is the union of its allowed values. */
export type Order = RowOf<typeof orders>;
export default orders;
