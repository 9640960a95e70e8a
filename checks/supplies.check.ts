import { defineSuite } from 'datacheck';
import supplies from '../contracts/supplies.contract';

// Runs inside DuckDB as SQL: `npx datacheck plan checks/supplies.check.ts` prints the queries.
export default defineSuite(supplies, (t) => [
  t.unique(['id', 'sku']),
  t.column('cost').mean().between(5, 50),
  t.column('cost').quantile(0.9).atMost(100),
  t.column('perishable').share(true).atMost(0.5),
  t.column('name').distinctCount().atLeast(5).where('perishable = false'),
  // Reconciliation with the same table reached through the dbt project: as many rows, the same total cost.
  t.rowCount().equalsDataset('warehouse__supplies'),
  t.column('cost').sum().equalsDataset('warehouse__supplies', 'cost'),
]);
