import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft7 from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { datacheck, projectOf, root } from '../e2e/harness.js';

// The exported schema is checked by ajv, strict: an unknown keyword or a malformed schema fails
// compilation, so "valid against the meta-schema" is not taken on trust.
function validatorFor(schema: object, draft: '2020-12' | '07') {
  const ajv =
    draft === '2020-12' ? new Ajv2020.default({ strict: true, allErrors: true }) : new AjvDraft7.default({ strict: true, allErrors: true });
  addFormats.default(ajv);
  expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  return ajv.compile(schema);
}

async function exported(contract: string, ...args: string[]) {
  const r = await datacheck(root, ['export', 'jsonschema', contract, ...args]);
  expect(r.stderr).not.toContain('error');
  expect(r.code).toBe(0);
  return { schema: JSON.parse(r.stdout) as Record<string, unknown>, notes: r.stderr };
}

/** The bundled CSV rows as they read in JSON: integers as numbers, the rest as text. */
function csvRows(file: string, integers: string[]): Record<string, unknown>[] {
  const rows = parse(readFileSync(path.join(root, file)), { columns: true }) as Record<string, string>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, integers.includes(k) ? Number(v) : v])));
}

describe('datacheck export jsonschema', () => {
  it('describes one row of orders: every bundled row is valid, and each broken rule is caught', async () => {
    const { schema, notes } = await exported('contracts/orders.contract.ts');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = validatorFor(schema, '2020-12');
    const rows = csvRows('fixtures/jaffle_shop/orders.csv', ['id', 'user_id']);
    expect(rows.length).toBe(99);
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);

    const good = rows[0];
    const bad = (change: Record<string, unknown>) => validate({ ...good, ...change });
    expect(bad({ status: 'lost' })).toBe(false); // not an allowed value
    expect(bad({ id: null })).toBe(false); // not nullable
    expect(bad({ id: 1.5 })).toBe(false); // an integer
    expect(bad({ id: 2 ** 31 })).toBe(false); // beyond int32
    expect(bad({ order_date: '01/02/2018' })).toBe(false); // not an ISO date
    const { status: _s, ...missing } = good;
    expect(validate(missing)).toBe(false); // every column is present in a row
    // What a row schema cannot say is said on stderr, not dropped silently.
    expect(notes).toContain('id: primary key');
    expect(notes).toContain('user_id: references customers.id');
    expect(notes).toContain('order_date: min "2018-01-01"');
  });

  it('carries patterns, lengths and extraColumns: forbid (customers), as draft-07 too', async () => {
    for (const draft of ['2020-12', '07'] as const) {
      const { schema } = await exported('contracts/customers.contract.ts', '--draft', draft);
      expect(String(schema.$schema)).toContain(draft === '07' ? 'draft-07' : '2020-12');
      const validate = validatorFor(schema, draft);
      const rows = csvRows('fixtures/jaffle_shop/customers.csv', ['id']);
      for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...rows[0], last_name: 'Parker' })).toBe(false); // pattern ^[A-Z]\.$
      expect(validate({ ...rows[0], first_name: '' })).toBe(false); // length 1..40
      expect(validate({ ...rows[0], email: 'x@y.z' })).toBe(false); // extraColumns: 'forbid'
    }
  });

  it('reads uuids, local timestamps and numeric bounds in JSON (stores.ndjson)', async () => {
    const { schema } = await exported('contracts/stores.contract.ts');
    const validate = validatorFor(schema, '2020-12');
    const rows = readFileSync(path.join(root, 'fixtures/jaffle_shop/stores.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...rows[0], id: 'not-a-uuid' })).toBe(false);
    expect(validate({ ...rows[0], tax_rate: 0.5 })).toBe(false); // between(0, 0.2)
    expect(validate({ ...rows[0], opened_at: 'yesterday' })).toBe(false);
  });

  it('lets a nullable column be null, and keeps null among allowed values', async () => {
    const { schema } = await exported('contracts/products.contract.ts');
    const validate = validatorFor(schema, '2020-12');
    const row = { sku: 'JAF-001', name: 'nutellaphone', type: 'jaffle', price: 1100, description: null };
    expect(validate(row)).toBe(true);
    expect(validate({ ...row, type: null })).toBe(false);
    expect(validate({ ...row, price: 50 })).toBe(false); // between(100, 2000)
  });

  it('exits 2 naming the file when it holds no contract, or is missing', async () => {
    const dir = projectOf({ 'empty.contract.ts': 'export const answer = 42;\n' });
    const r = await datacheck(dir, ['export', 'jsonschema', 'empty.contract.ts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty\.contract\.ts/);
    expect(r.stdout).toBe('');
    const missing = await datacheck(dir, ['export', 'jsonschema', 'nowhere.contract.ts']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.contract.ts does not exist');
  });
});
