import { col, defineContract } from 'datacheck';

// Imported from models/schema.yml (dbt source warehouse.supplies) by `datacheck import dbt`.
/** What each product uses up; a supply id repeats across products. */
export default defineContract({
  name: 'warehouse__supplies',
  description: 'What each product uses up; a supply id repeats across products.',
  source: { dbt: 'warehouse.supplies' },
  columns: {
    id: col.string(),
    name: col.string().nullable(),
    cost: col.int32().description('Cents.'),
    perishable: col.bool(),
    sku: col.string().references('warehouse__products.sku'),
  },
});
