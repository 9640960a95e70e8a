import { col, defineContract } from 'datacheck';

export default defineContract({
  name: 'payments',
  version: '1.0.0',
  owner: 'finance-data',
  description: 'Payments against orders; amounts in cents. Stored as Parquet.',
  source: { file: 'fixtures/jaffle_shop/payments.parquet' },
  columns: {
    id: col.int32().primaryKey(),
    order_id: col.int32().references('orders.id'),
    payment_method: col.string().oneOf(['credit_card', 'coupon', 'bank_transfer', 'gift_card']),
    amount: col.int32().min(0).description('Cents'),
  },
});
