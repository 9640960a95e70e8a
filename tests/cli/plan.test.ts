import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { copyProject, fakeIo } from './cli-harness.js';

const root = path.resolve(__dirname, '../..');

/** A project with a CSV dataset (Arrow), a Parquet dataset (DuckDB) and a table of a connection that does not exist. */
function project(): string {
  const dir = copyProject('good');
  copyFileSync(path.join(root, 'fixtures/jaffle_shop/payments.parquet'), path.join(dir, 'data/payments.parquet'));
  writeFileSync(
    path.join(dir, 'contracts/payments.contract.ts'),
    `import { col, defineContract } from 'datacheck';
export default defineContract({ name: 'payments', source: { file: 'data/payments.parquet' }, columns: { id: col.int64().primaryKey(), amount: col.float64().min(0) } });
`,
  );
  writeFileSync(
    path.join(dir, 'contracts/sales.contract.ts'),
    `import { col, defineContract } from 'datacheck';
export default defineContract({ name: 'sales', source: { table: 'sales.orders', connection: 'wh' }, columns: { ["x\\"; DROP TABLE t; --"]: col.string().oneOf(["it's"]) } });
`,
  );
  writeFileSync(
    path.join(dir, 'datacheck.config.ts'),
    `import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { wh: { kind: 'duckdb', path: 'missing.duckdb' } } });\n`,
  );
  return dir;
}

describe('datacheck plan', () => {
  it('prints per dataset the engine, the metrics and the exact SQL, reading no data and opening no connection', async () => {
    const dir = project();
    const io = fakeIo(dir);
    expect(await main(['plan'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/dataset orders \(data\/orders.csv\): Arrow engine/);
    expect(out).toMatch(/dataset payments \(data\/payments.parquet\): SQL, duckdb on duckdb:\/\/memory/);
    expect(out).toContain('FROM read_parquet([$1])');
    expect(out).toContain(JSON.stringify(path.join(dir, 'data/payments.parquet')));
    expect(out).toMatch(/#\d+ \{"column":"amount","kind":"min"\}/);
    expect(out).toContain('FROM "sales"."orders"');
    expect(out).toContain('"x""; DROP TABLE t; --" IN (CAST($1 AS VARCHAR))');
    expect(out).toContain(`-- params: ["it's"]`);
    expect(existsSync(path.join(dir, 'missing.duckdb'))).toBe(false);
  });

  it('renders for a warehouse dialect on request', async () => {
    const io = fakeIo(project());
    expect(await main(['plan', '--dialect', 'snowflake', '--filter', 'sales'], io)).toBe(0);
    expect(io.out()).toContain('COUNT_IF(');
    expect(io.out()).not.toContain('dataset orders');
    expect(io.out()).not.toMatch(/\$\d/);
  });

  it('plans the profile a run with the same reporters computes: no histograms for a console run, histograms for html', async () => {
    const dir = project();
    const console = fakeIo(dir);
    expect(await main(['plan', '--filter', 'payments'], console)).toBe(0);
    expect(console.out()).not.toContain('"kind":"histogram"');
    const html = fakeIo(dir);
    expect(await main(['plan', '--filter', 'payments', '-r', 'html'], html)).toBe(0);
    expect(html.out()).toContain('"kind":"histogram"');
    const full = fakeIo(dir);
    expect(await main(['plan', '--filter', 'payments', '--profile', 'full'], full)).toBe(0);
    expect(full.out()).toContain('"kind":"histogram"');
  });

  it("discovers relative to the config file's folder, as the run does", async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'nested/contracts'), { recursive: true });
    writeFileSync(
      path.join(dir, 'nested/datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ include: ['contracts/*.contract.ts'] });\n",
    );
    writeFileSync(
      path.join(dir, 'nested/contracts/nested.contract.ts'),
      "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'nested', source: { file: 'data/payments.parquet' }, columns: { id: col.int64() } });\n",
    );
    const io = fakeIo(dir);
    expect(await main(['plan', '--config', 'nested/datacheck.config.ts'], io)).toBe(0);
    expect(io.out()).toMatch(/^dataset nested \(data\/payments.parquet\): SQL, duckdb on duckdb:\/\/memory/m);
    expect(io.out()).not.toContain('dataset orders');
  });

  it('says how each reference is answered: an anti-join on a shared connection, else keys fetched first', async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'contracts/refs.contract.ts'),
      `import { col, defineContract } from 'datacheck';
export const viaKeys = defineContract({ name: 'csv_refs', source: { file: 'data/orders.csv' }, columns: { id: col.int64().references('payments.id') } });
export const viaJoin = defineContract({ name: 'parquet_refs', source: { file: 'data/payments.parquet' }, columns: { id: col.int64().references('payments.id') } });
`,
    );
    const io = fakeIo(dir);
    await main(['plan', '--filter', 'csv_refs', '--filter', 'parquet_refs'], io);
    expect(io.out()).toMatch(
      /references payments: the distinct keys of payments\.id are fetched first \(SELECT DISTINCT on duckdb:\/\/memory\), then id is checked against them in the Arrow engine's pass/,
    );
    expect(io.out()).toContain('references payments: an anti-join on the same connection');
    expect(io.out()).toContain('NOT EXISTS');
  });
});
