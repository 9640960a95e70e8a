import { col, defineContract } from 'datacheck';

/** What each product uses up, from the same DuckDB database as products. */
export default defineContract({
  name: 'supplies',
  version: '1.0.0',
  owner: 'jaffle-ops',
  description: 'Supplies per product (a supply id repeats across products); costs in cents.',
  source: { table: 'main.supplies', connection: 'warehouse' },
  columns: {
    id: col.string().pattern(/^SUP-\d{3}$/),
    name: col.string(),
    cost: col.int32().min(0).description('Cents'),
    perishable: col.bool(),
    sku: col.string().references('products.sku'),
  },
});
