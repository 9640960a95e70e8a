import { col, defineContract } from 'datacheck';

// Imported from models/schema.yml (dbt source warehouse.products) by `datacheck import dbt`.
/** What the shops sell; prices in cents. */
export default defineContract({
  name: 'warehouse__products',
  description: 'What the shops sell; prices in cents.',
  source: { dbt: 'warehouse.products' },
  columns: {
    sku: col.string().unique().description('Stock keeping unit, e.g. JAF-001.'),
    name: col.string().nullable(),
    type: col.string().oneOf(['jaffle', 'beverage']),
    price: col.int32().description('Cents.'),
    description: col.string().nullable(),
  },
});
