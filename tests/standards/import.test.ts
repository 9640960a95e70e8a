import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck } from '../e2e/harness.js';
import { UPSTREAM_DIR, runCli } from './replay-support.js';

/** A fresh project folder whose fixtures/ is the upstream one, so imported sources resolve. */
function upstreamProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-import-'));
  symlinkSync(path.join(UPSTREAM_DIR, 'fixtures'), path.join(dir, 'fixtures'));
  return dir;
}

describe('datacheck import odcs|dcs', () => {
  it('writes a contract and a suite that read like hand-written ones', async () => {
    const dir = upstreamProject();
    const { code, out, err } = await runCli(
      ['import', 'odcs', path.join(UPSTREAM_DIR, 'cases/quality_id_filter.odcs.yaml'), '-d', dir],
      dir,
    );
    expect(code, err).toBe(0);
    expect(out).toBe('wrote contracts/orders.contract.ts\nwrote checks/orders.check.ts\n');
    expect(readFileSync(path.join(dir, 'contracts/orders.contract.ts'), 'utf8')).toContain(
      ['  columns: {', '    order_id: col.int64().nullable(),', '    email: col.string().nullable(),', '  },'].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'checks/orders.check.ts'), 'utf8')).toContain(
      [
        "  t.column('order_id').violations({ rule: 'duplicate' }).equals(0).title('order_id_is_unique'),",
        "  t.column('email').violations({ rule: 'null' }).equals(0),",
        "  t.rowCount().atLeast(1, { strict: true }).title('orders_not_empty'),",
        "  t.sql('SELECT MIN(amount) FROM orders').atLeast(0, { strict: true }).title('amounts are positive'),",
      ].join('\n'),
    );
    // SQL rules are read in SQL: the CSV source says so.
    expect(readFileSync(path.join(dir, 'contracts/orders.contract.ts'), 'utf8')).toContain(
      "source: { file: 'fixtures/diagnostics/data/orders.csv', format: 'csv', engine: 'duckdb' },",
    );
    expect(err).toBe('');
  });

  it('the imported files type-check and run like the ODCS file: same outcomes', async () => {
    const dir = upstreamProject();
    await runCli(['import', 'dcs', path.join(UPSTREAM_DIR, 'fixtures/diagnostics/datacontract.yaml'), '-d', dir], dir);
    const run = await datacheck(dir, ['--reporter', 'json', '--output-file', 'reports/run.json']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const imported = JSON.parse(readFileSync(path.join(dir, 'reports/run.json'), 'utf8'));
    const direct = await runCli(['test', 'fixtures/diagnostics/datacontract.yaml', '--reporter', 'json', '-o', '-'], UPSTREAM_DIR);
    const outcomes = (r: { datasets: { checks: { title: string; outcome: string }[] }[] }) =>
      r.datasets.flatMap((d) => d.checks.map((c) => `${c.title}: ${c.outcome}`)).sort();
    expect(outcomes(imported)).toEqual(outcomes(JSON.parse(direct.out)));
    expect(imported.issues).toEqual([]);
  });

  it('refuses to overwrite a file unless --force, and a file of the other standard', async () => {
    const dir = upstreamProject();
    const file = path.join(UPSTREAM_DIR, 'fixtures/diagnostics/datacontract.yaml');
    expect((await runCli(['import', 'dcs', file, '-d', dir], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'contracts/orders.contract.ts'), '// mine\n');
    const again = await runCli(['import', 'dcs', file, '-d', dir], dir);
    expect(again).toMatchObject({ code: 2, err: 'error: contracts/orders.contract.ts exists (use --force to overwrite it)\n' });
    expect(readFileSync(path.join(dir, 'contracts/orders.contract.ts'), 'utf8')).toBe('// mine\n');
    expect((await runCli(['import', 'dcs', file, '-d', dir, '--force'], dir)).code).toBe(0);
    const wrong = await runCli(['import', 'odcs', file, '-d', dir], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('is not an ODCS document');
  });
});
