import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

export default defineSuite(orders, (t) => [
  t.rowCount().between(50, 100_000),
  t.rowCount().change().atMost('20%'),
  t.column('status').share('returned').atMost(0.1),
  t.column('status').share('completed').atLeast(0.5).title('most orders complete'),
  t.column('user_id').distinctCount().atLeast(50),
  t.column('order_date').max().atLeast('2018-04-01').title('orders reach into April 2018'),
  t.column('status').oneOf(['completed', 'shipped', 'placed']).where("order_date < '2018-03-01'").warn(),
  // A custom predicate over the row, in the filter language.
  t.expect("status != 'placed' or order_date >= '2018-03-20'").title('no order waits more than three weeks to ship'),
]);
