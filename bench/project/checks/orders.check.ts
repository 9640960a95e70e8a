import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

/**
 * What the contract does not already check: the row count and amount's null count (amount is
 * nullable, so the contract alone never counts its nulls). Titles let the harness find them.
 */
export default defineSuite(orders, (t) => [
  t.rowCount().between(1, 10_000_000).title('row count'),
  t.column('amount').nullCount().atMost(100_000).title('amount null count'),
]);
