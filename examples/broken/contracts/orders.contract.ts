import { col, defineContract } from 'datacheck';

/** A deliberately broken copy of the jaffle_shop orders: every kind of check fails somewhere. */
export default defineContract({
  name: 'orders',
  version: '2.0.0',
  owner: 'jaffle-analytics',
  source: { file: 'fixtures/orders.csv' },
  columns: {
    id: col.int32().primaryKey(),
    user_id: col.int32().references('customers.id'),
    order_date: col.date().between('2018-01-01', '2018-12-31'),
    status: col.string().oneOf(['placed', 'shipped', 'completed', 'return_pending', 'returned']),
    coupon_code: col.string().length(4, 12).pattern(/^[A-Z]+[0-9]*$/),
    contact_email: col.string().format('email').pii(),
  },
  freshness: { column: 'order_date', within: '7d' },
});
