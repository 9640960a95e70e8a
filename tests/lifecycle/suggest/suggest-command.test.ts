import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, root } from '../../e2e/harness.js';
import { sharedPath } from '../../support/shared-dir.js';

/** A temp project holding one shared dataset under data/, as a user would have it. */
function projectWith(...dataset: string[]): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-suggest-'));
  mkdirSync(path.join(dir, 'data'));
  const file = `data/${path.basename(dataset[dataset.length - 1])}`;
  copyFileSync(sharedPath('datasets', ...dataset), path.join(dir, file));
  return { dir, file };
}

/** Suggests a contract for the dataset, then runs the built CLI on it: it must pass (exit 0). */
async function suggestAndRun(...dataset: string[]): Promise<string> {
  const { dir, file } = projectWith(...dataset);
  const suggest = await datacheck(dir, ['suggest', file]);
  expect(suggest.stderr).toMatch(/^written to contracts\/.+\.contract\.ts\n$/);
  expect(suggest.code).toBe(0);
  const contract = readFileSync(path.join(dir, suggest.stderr.slice('written to '.length).trim()), 'utf8');
  const run = await datacheck(dir, []);
  expect(run.stdout, contract).toMatch(/\d+ passed, 0 failed, 0 warned, 0 errors/);
  expect(run.code).toBe(0);
  return contract;
}

describe('datacheck suggest: the written contract passes on the data it was drawn from', () => {
  it('penguins (CSV): nullability, float and integer ranges, allowed values, no false key', async () => {
    const contract = await suggestAndRun('seaborn-data', 'penguins.csv');
    expect(contract).toContain("source: { file: 'data/penguins.csv' }");
    expect(contract).toContain("species: col.string().oneOf(['Adelie', 'Chinstrap', 'Gentoo']),");
    expect(contract).toContain("island: col.string().oneOf(['Biscoe', 'Dream', 'Torgersen']),");
    // Two rows have no measurements: those columns are nullable, with the observed range.
    expect(contract).toContain('bill_length_mm: col.float64().nullable().between(32.1, 59.6),');
    expect(contract).toMatch(/flipper_length_mm: col\.(int64|float64)\(\)\.nullable\(\)\.between\(172, 231\),/);
    expect(contract).toMatch(/sex: col\.string\(\)\.nullable\(\)\.oneOf\(\[/);
    expect(contract).not.toContain('primaryKey');
  });

  it('jaffle-shop stores (CSV): a uuid key, a recognised format, timestamps', async () => {
    const contract = await suggestAndRun('jaffle-shop', 'raw_stores.csv');
    expect(contract).toContain("id: col.string().primaryKey().format('uuid'),");
    expect(contract).toMatch(/opened_at: col\.timestamp\('us'\),/);
    expect(contract).toContain('tax_rate: col.float64().between(');
  });

  it('jaffle_shop orders (CSV): an integer key, a date range', async () => {
    const contract = await suggestAndRun('jaffle_shop', 'raw_orders.csv');
    expect(contract).toContain('id: col.int64().primaryKey().between(1, 99),');
    expect(contract).toContain("order_date: col.date().between('2018-01-01', '2018-04-09'),");
    expect(contract).toContain("status: col.string().oneOf(['completed', 'placed', 'return_pending', 'returned', 'shipped']),");
  });

  it('Titanic (Parquet, read by DuckDB)', async () => {
    const contract = await suggestAndRun('great_expectations', 'Titanic.parquet');
    expect(contract).toContain("source: { file: 'data/Titanic.parquet' }");
    expect(contract).toMatch(/PClass: col\.string\(\)(\.nullable\(\))?\.oneOf\(\['\*', '1st', '2nd', '3rd'\]\),/);
  });

  it('NDJSON (the bundled stores): uuid text stays a string with its format', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-suggest-'));
    copyFileSync(path.join(root, 'fixtures/jaffle_shop/stores.ndjson'), path.join(dir, 'stores.ndjson'));
    const suggest = await datacheck(dir, ['suggest', 'stores.ndjson']);
    expect(suggest.code).toBe(0);
    const contract = readFileSync(path.join(dir, 'contracts/stores.contract.ts'), 'utf8');
    expect(contract).toContain("id: col.string().primaryKey().format('uuid'),");
    expect(contract).not.toContain('Left out');
    expect((await datacheck(dir, [])).code).toBe(0);
  });

  it('a table of a DuckDB connection (the bundled warehouse)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-suggest-'));
    copyFileSync(path.join(root, 'fixtures/jaffle_shop/warehouse.duckdb'), path.join(dir, 'warehouse.duckdb'));
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { warehouse: { kind: 'duckdb', path: 'warehouse.duckdb' } } });\n",
    );
    const suggest = await datacheck(dir, ['suggest', 'main.products', '--connection', 'warehouse']);
    expect(suggest.code).toBe(0);
    const contract = readFileSync(path.join(dir, 'contracts/products.contract.ts'), 'utf8');
    expect(contract).toContain("source: { table: 'main.products', connection: 'warehouse' }");
    expect(contract).toContain('sku: col.string().primaryKey(),');
    expect(contract).toContain("type: col.string().oneOf(['beverage', 'jaffle']),");
    const run = await datacheck(dir, []);
    expect(run.code).toBe(0);
  });

  it('never writes over an existing contract, and explains data it cannot read (exit 2)', async () => {
    const { dir, file } = projectWith('jaffle-shop', 'raw_stores.csv');
    mkdirSync(path.join(dir, 'contracts'));
    writeFileSync(path.join(dir, 'contracts/raw_stores.contract.ts'), '// mine\n');
    const again = await datacheck(dir, ['suggest', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('contracts/raw_stores.contract.ts already exists');
    expect(readFileSync(path.join(dir, 'contracts/raw_stores.contract.ts'), 'utf8')).toBe('// mine\n');

    writeFileSync(path.join(dir, 'data/notes.txt'), 'not data\n');
    const unknown = await datacheck(dir, ['suggest', 'data/notes.txt', '-o', '-']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('datacheck suggest reads CSV, TSV, JSON, NDJSON and Parquet files; data/notes.txt is none of them');
    const missing = await datacheck(dir, ['suggest', 'data/gone.csv', '-o', '-']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: data/gone.csv does not exist');
  });
});
