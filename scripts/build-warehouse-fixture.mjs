// Builds fixtures/jaffle_shop/warehouse.duckdb, the bundled example's DuckDB database: the
// products and supplies tables of dbt-labs/jaffle-shop, read from ../shared/datasets/jaffle-shop.
// The file is committed; this script is how it was made (run it again to rebuild it).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(root, '../shared/datasets/jaffle-shop');
const target = path.join(root, 'fixtures/jaffle_shop/warehouse.duckdb');
if (!existsSync(source)) throw new Error(`the jaffle-shop dataset is not at ${source}`);
rmSync(target, { force: true });

const instance = await DuckDBInstance.create(target);
const db = await instance.connect();
const csv = (name) => path.join(source, name).replaceAll("'", "''");
await db.run(
  `CREATE TABLE products (sku VARCHAR NOT NULL, name VARCHAR NOT NULL, type VARCHAR NOT NULL, price INTEGER NOT NULL, description VARCHAR)`,
);
await db.run(`INSERT INTO products SELECT * FROM read_csv('${csv('raw_products.csv')}', header = true, all_varchar = true)`);
await db.run(
  `CREATE TABLE supplies (id VARCHAR NOT NULL, name VARCHAR NOT NULL, cost INTEGER NOT NULL, perishable BOOLEAN NOT NULL, sku VARCHAR NOT NULL)`,
);
await db.run(`INSERT INTO supplies SELECT * FROM read_csv('${csv('raw_supplies.csv')}', header = true, all_varchar = true)`);
await db.run('CHECKPOINT');
db.closeSync();
instance.closeSync();
console.log(`wrote ${path.relative(root, target)}`);
