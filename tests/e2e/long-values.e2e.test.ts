import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, projectOf } from './harness.js';

// Three 50 MB values in failing rows once made the json reporter fail ("Invalid string length",
// 2.2 GB RSS). Every sampled value is now cut to 200 characters with its length, by both engines.
const BIG = 50 * 1024 * 1024;
const MARKER = `${'x'.repeat(200)}… (52,428,800 chars)`;
const contract = (source: string) =>
  `import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 't', source: ${source}, columns: { id: col.int32(), status: col.string().oneOf(['ok']) } });\n`;

function expectCappedReport(dir: string): void {
  const file = path.join(dir, 'out.json');
  // Five rows and a few checks: kilobytes, not the 150 MB of the values.
  expect(statSync(file).size).toBeLessThan(100_000);
  const run = JSON.parse(readFileSync(file, 'utf8'));
  const failed = run.datasets[0].checks.find((c: { outcome: string }) => c.outcome === 'fail');
  expect(failed.failingRows.map((r: { values: { status: string } }) => r.values.status)).toEqual([MARKER, MARKER, MARKER]);
}

describe('sampled values are capped in every report', () => {
  it('Arrow engine: an Arrow IPC file with three 50 MB values', async () => {
    const big = 'x'.repeat(BIG);
    const dir = projectOf({ 'contracts/t.contract.ts': contract("{ file: 't.arrow' }") });
    const table = tableFromArrays({ id: Int32Array.from([1, 2, 3, 4, 5]), status: ['ok', big, big, big, 'ok'] });
    writeFileSync(path.join(dir, 't.arrow'), tableToIPC(table, 'file'));
    const r = await datacheck(dir, ['--no-typecheck', '-r', 'console', '-r', 'json', '-o', 'json=out.json']);
    expect(r.stderr).toBe('report written to out.json\n');
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(20_000);
    expectCappedReport(dir);
  }, 120_000);

  it('SQL engine: a DuckDB table with three 50 MB values', async () => {
    const dir = projectOf({
      'contracts/t.contract.ts': contract("{ table: 't', connection: 'wh' }"),
      'datacheck.config.ts':
        "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { wh: { kind: 'duckdb', path: 'wh.duckdb' } } });\n",
    });
    const db = await DuckDBInstance.create(path.join(dir, 'wh.duckdb'));
    const conn = await db.connect();
    await conn.run(
      `CREATE TABLE t AS SELECT i::INTEGER AS id, CASE WHEN i IN (2, 3, 4) THEN repeat('x', ${BIG}) ELSE 'ok' END AS status FROM range(1, 6) r(i)`,
    );
    conn.closeSync();
    db.closeSync();
    const r = await datacheck(dir, ['--no-typecheck', '-r', 'json', '-o', 'json=out.json']);
    expect(r.stderr).toBe('report written to out.json\n');
    expect(r.code).toBe(1);
    expectCappedReport(dir);
  }, 120_000);
});
