import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, root } from '../../e2e/harness.js';

// The README's `datacheck import dbt dbt` on the bundled example: the contracts in dbt/models are
// that command's output, committed as it wrote them, so importing again must give the same bytes.
const FILES = ['models/warehouse__products.contract.ts', 'models/warehouse__supplies.contract.ts'];

describe('datacheck import dbt dbt (the bundled example)', () => {
  it('writes the committed dbt/models contracts, byte for byte, with types read from the warehouse', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'datacheck-dbt-example-'));
    const r = await datacheck(root, ['import', 'dbt', 'dbt', '--out', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    for (const f of FILES) {
      expect(r.stdout).toContain(`wrote ${path.relative(root, path.join(out, f))}\n`);
      expect(readFileSync(path.join(out, f), 'utf8'), f).toBe(readFileSync(path.join(root, 'dbt', f), 'utf8'));
    }
    expect(r.stdout).not.toContain('not translated');
    const supplies = readFileSync(path.join(out, FILES[1]), 'utf8');
    // relationships to source('warehouse', 'products') becomes a reference to that source's contract;
    // cost is an INTEGER column and perishable a BOOLEAN in warehouse.duckdb, though schema.yml gives no data_type.
    expect(supplies).toContain("sku: col.string().references('warehouse__products.sku')");
    expect(supplies).toContain("cost: col.int32().description('Cents.')");
    expect(supplies).toContain('perishable: col.bool(),');
  });

  it('refuses to overwrite them without --force, saying which exist', async () => {
    const r = await datacheck(root, ['import', 'dbt', 'dbt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: these files exist (use --force to overwrite): ${FILES.join(', ')}\n`);
  });
});
