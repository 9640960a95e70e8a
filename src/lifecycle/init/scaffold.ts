/**
 * The files `datacheck init` writes: a config, one contract over a small CSV, one suite, and the
 * CSV itself, so `npx datacheck` passes straight away and each file shows one thing to change.
 * Paths are relative to the project folder; the command never writes over an existing file.
 */
export const SCAFFOLD: Readonly<Record<string, string>> = {
  'datacheck.config.ts': `import { defineConfig } from 'datacheck/config';

// Which files are contracts and suites (these are the defaults), and how reports are written.
// A database is a connection: { kind: 'duckdb', path: 'warehouse.duckdb' }, or
// { kind: 'postgres', urlEnv: 'WAREHOUSE_URL' } (the URL is read from that environment variable).
export default defineConfig({
  include: ['contracts/**/*.contract.ts', 'checks/**/*.check.ts'],
  reporters: ['console'],
});
`,
  'contracts/orders.contract.ts': `import { col, defineContract } from 'datacheck';
import type { RowOf } from 'datacheck';

/** What a row of data/orders.csv promises: its columns, their types and their rules. */
const orders = defineContract({
  name: 'orders',
  version: '1.0.0',
  owner: 'you',
  source: { file: 'data/orders.csv' },
  columns: {
    id: col.int32().primaryKey(),
    ordered_on: col.date(),
    status: col.string().oneOf(['placed', 'shipped', 'returned']),
    amount: col.float64().min(0).description('In euros'),
    coupon: col.string().nullable(),
  },
});

export type Order = RowOf<typeof orders>;
export default orders;
`,
  'checks/orders.check.ts': `import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

/** Checks beyond the contract: expectations about the data as a whole. */
export default defineSuite(orders, (t) => [
  t.rowCount().atLeast(1),
  t.column('status').share('returned').atMost(0.5),
  t.column('amount').mean().between(1, 1_000),
]);
`,
  'data/orders.csv': `id,ordered_on,status,amount,coupon
1,2024-01-02,placed,19.90,
2,2024-01-03,shipped,5.00,WELCOME
3,2024-01-05,shipped,42.50,
4,2024-01-08,returned,12.00,
`,
};
