import { col, defineContract } from 'datacheck';

/** One row per customer (dbt-labs/jaffle_shop seed data). */
export default defineContract({
  name: 'customers',
  version: '1.0.0',
  owner: 'jaffle-analytics',
  description: 'Customers of the Jaffle Shop, one row each.',
  source: { file: 'fixtures/jaffle_shop/customers.csv' },
  columns: {
    id: col.int32().primaryKey().description('Surrogate key'),
    first_name: col.string().length(1, 40).pii(),
    last_name: col.string().pattern(/^[A-Z]\.$/).pii().description('Initial only, e.g. "P."'),
  },
  extraColumns: 'forbid',
});
