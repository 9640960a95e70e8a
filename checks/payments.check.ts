import { defineSuite } from 'datacheck';
import payments from '../contracts/payments.contract';

export default defineSuite(payments, (t) => [
  t.rowCount().atLeast(100),
  t.column('amount').mean().between(1_000, 2_000),
  t.column('amount').mean().anomaly({ runs: 20, sensitivity: 3 }),
  t.column('amount').median().between(1_000, 2_000),
  t.column('amount').quantile(0.95).atMost(3_000),
  t.column('amount').stddev().atMost(1_500),
  t.column('amount').between(1, 5_000, { mostly: 0.95 }).title('almost every payment is for money'),
  t.column('payment_method').distinctCount().equals(4),
  t.column('payment_method').share('credit_card').between(0.3, 0.7),
  t.unique(['order_id', 'payment_method']).warn(),
  // Reconciliation with the orders CSV: the distinct order ids paid for are exactly the orders' ids.
  t.keys('order_id').matchDataset('orders', 'id').title('every order has a payment, every payment an order'),
  // Drift from the committed baseline (datacheck baseline save writes baselines/payments.json).
  t.column('amount').drift('psi', { baseline: 'baselines/payments.json' }).atMost(0.25),
  t.column('amount').drift('ks', { baseline: 'baselines/payments.json' }).pValue().atLeast(0.01),
  t.column('payment_method').drift('chi2', { baseline: 'baselines/payments.json' }).pValue().atLeast(0.01),
]);
