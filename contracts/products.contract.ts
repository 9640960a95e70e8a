import { col, defineContract } from 'datacheck';

/** The menu of the newer dbt-labs/jaffle-shop project, as a table in a DuckDB database. */
export default defineContract({
  name: 'products',
  version: '1.0.0',
  owner: 'jaffle-ops',
  description: 'What the shops sell; prices in cents. A table in a DuckDB database, checked in SQL.',
  source: { table: 'main.products', connection: 'warehouse' },
  columns: {
    sku: col.string().pattern(/^(JAF|BEV)-\d{3}$/).primaryKey(),
    name: col.string().length(3, 60),
    type: col.string().oneOf(['jaffle', 'beverage']),
    price: col.int32().between(100, 2_000).description('Cents'),
    description: col.string().nullable(),
  },
});
