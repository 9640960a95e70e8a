import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

export default defineSuite(orders, (t) => [
  t.rowCount().atLeast(1_000),
  t.column('status').share('completed').atLeast(0.9),
  t.column('user_id').distinctRatio().equals(1),
  t.column('id').mean().between(100, 200),
  t.column('id').stddev().atMost(5),
  t.column('id').quantile(0.95).atMost(30),
  t.column('order_date').max().atLeast('2019-01-01'),
  t.column('coupon_code').matches(/^SPRING/).warn(),
  t.column('status').notNull().where("order_date >= '2018-01-10'"),
  t.unique(['user_id', 'status']),
  t.columnCount().equals(4),
  t.column('coupon_code').isNull().title('coupons were retired: the column must be empty'),
  t.expect("order_date >= '2018-01-01' or status = 'placed'").title('only an order still placed may predate the shop (a data-entry backlog)'),
  // baselines/orders.json was saved from the healthy jaffle_shop orders (datacheck baseline save).
  t.column('status').drift('chi2', { baseline: 'baselines/orders.json' }).pValue().atLeast(0.05),
  t.column('order_date').drift('ks', { baseline: 'baselines/orders.json' }).atMost(0.2),
]);
