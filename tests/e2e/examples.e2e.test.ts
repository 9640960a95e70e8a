import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import { datacheck, root } from './harness.js';

// The README's promises: the bundled example passes, the broken one shows every kind of failure.

async function runJson(cwd: string): Promise<{ code: number | null; run: RunResult; stdout: string }> {
  // --no-history: these run inside the repository, which must not collect a history.
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-example-')), 'result.json');
  const r = await datacheck(cwd, ['--no-history', '--reporter', 'console', '--reporter', 'json', '--output-file', `json=${out}`]);
  return { code: r.code, run: JSON.parse(readFileSync(out, 'utf8')) as RunResult, stdout: r.stdout };
}

describe('the bundled example (npx datacheck in the repository)', () => {
  it('passes: exit 0, every dataset read, no check failed or errored', async () => {
    const { code, run } = await runJson(root);
    expect(code).toBe(0);
    expect(run.outcome).toBe('passed');
    expect(run.datasets.map((d) => [d.name, d.rowCount])).toEqual(
      expect.arrayContaining([
        ['customers', 100],
        ['orders', 99],
        ['payments', 113],
        ['stores', 6],
        ['products', 10],
        ['supplies', 65],
      ]),
    );
    expect(run.counts).toMatchObject({ fail: 0, error: 0, skipped: 0 });
    expect(run.counts.pass).toBeGreaterThan(50);
  });

  it('reads CSV, Parquet and NDJSON sources', async () => {
    const { run } = await runJson(root);
    const sources = run.datasets.map((d) => d.source ?? '');
    expect(sources.some((s) => s.endsWith('.csv'))).toBe(true);
    expect(sources.some((s) => s.endsWith('.parquet'))).toBe(true);
    expect(sources.some((s) => s.endsWith('.ndjson'))).toBe(true);
  });

  it('checks two tables of a DuckDB database in SQL, with a reference between them', async () => {
    const { run } = await runJson(root);
    const supplies = run.datasets.find((d) => d.name === 'supplies')!;
    expect(supplies.source).toBe('warehouse:main.supplies');
    expect(supplies.location).toEqual({
      namespace: `duckdb://${path.join(root, 'fixtures/jaffle_shop/warehouse.duckdb')}`,
      name: 'warehouse.main.supplies',
    });
    const reference = supplies.checks.find((c) => c.kind === 'references')!;
    expect(reference).toMatchObject({ outcome: 'pass', rows: { considered: 65, failed: 0 } });
    expect(supplies.checks.find((c) => c.kind === 'unique' && c.columns?.length === 2)).toMatchObject({ outcome: 'pass' });
  });

  it('checks the dbt project (dbt/) sources: relations from its manifest, the connection from its profiles.yml', async () => {
    const { run } = await runJson(root);
    const dbt = run.datasets.filter((d) => d.source?.startsWith('dbt:'));
    expect(dbt.map((d) => [d.name, d.source, d.rowCount, d.checks.every((c) => c.outcome === 'pass')])).toEqual([
      ['warehouse__products', 'dbt:warehouse.products (warehouse.main.products)', 10, true],
      ['warehouse__supplies', 'dbt:warehouse.supplies (warehouse.main.supplies)', 65, true],
    ]);
    // The same DuckDB file as the warehouse connection: lineage names one table, whichever way it was reached.
    expect(dbt[0].location).toEqual(run.datasets.find((d) => d.name === 'products')!.location);
    // The relationships test of schema.yml, as a reference checked between the two dbt relations.
    const reference = dbt[1].checks.find((c) => c.kind === 'references')!;
    expect(reference).toMatchObject({ outcome: 'pass', rows: { considered: 65, failed: 0 } });
  });

  it('reconciles payments (Parquet) with orders (CSV), and supplies with the same table reached through dbt', async () => {
    const { run } = await runJson(root);
    const checks = run.datasets.flatMap((d) => d.checks).filter((c) => c.kind === 'keys_match' || c.kind === 'reconcile');
    expect(checks.map((c) => [c.dataset, c.kind, c.outcome, c.message])).toEqual([
      ['payments', 'keys_match', 'pass', '99 keys, the same as orders'],
      ['supplies', 'reconcile', 'pass', 'rows 65, warehouse__supplies 65: difference 0'],
      ['supplies', 'reconcile', 'pass', expect.stringMatching(/^sum of cost \d+, warehouse__supplies\.cost \d+: difference 0$/)],
    ]);
  });

  it('masks pii columns in the column profiles', async () => {
    const { run } = await runJson(root);
    const customers = run.datasets.find((d) => d.name === 'customers')!;
    expect(customers.columns.find((c) => c.name === 'first_name')).toMatchObject({ pii: true });
    expect(JSON.stringify(run)).not.toContain('Michael');
  });
});

describe('the broken example (cd examples/broken && npx datacheck)', () => {
  const broken = path.join(root, 'examples/broken');

  it('exits 1 and fails every kind of check', async () => {
    const { code, run } = await runJson(broken);
    expect(code).toBe(1);
    expect(run.counts.error).toBe(0);
    const failedKinds = new Set(run.datasets.flatMap((d) => d.checks.filter((c) => c.outcome === 'fail').map((c) => c.kind)));
    for (const kind of [
      'schema',
      'column_type',
      'not_null',
      'unique',
      'accepted_values',
      'range',
      'length',
      'pattern',
      'format',
      'references',
      'freshness',
      'row_count',
      'column_stat',
      'column_count',
      'is_null',
      'drift',
      'expect',
      'no_pii',
    ]) {
      expect(failedKinds, kind).toContain(kind);
    }
    expect(run.counts.warn).toBeGreaterThan(0);
  });

  it('shows each failing row with its line and masks the pii column', async () => {
    const { stdout } = await runJson(broken);
    expect(stdout).toContain('row 12 (line 13): id=12, user_id=999');
    expect(stdout).toContain('contact_email="***"');
    expect(stdout).not.toMatch(/contact_email="[^*]/);
  });

  it('shows the card number typed into a name masked, never as written', async () => {
    const { stdout, run } = await runJson(broken);
    expect(stdout).toContain('last_name="card **** **** **** 4242"');
    expect(stdout).not.toContain('4242-4242-4242-4242');
    expect(JSON.stringify(run)).not.toContain('4242-4242-4242-4242');
  });
});
