import { col, defineContract } from 'datacheck';

/** Shops of the newer dbt-labs/jaffle-shop project, as NDJSON. */
export default defineContract({
  name: 'stores',
  version: '1.0.0',
  owner: 'jaffle-ops',
  source: { file: 'fixtures/jaffle_shop/stores.ndjson' },
  columns: {
    id: col.string().format('uuid').primaryKey(),
    name: col.string().length(2, 40),
    opened_at: col.timestamp('s'),
    tax_rate: col.float64().between(0, 0.2),
  },
});
