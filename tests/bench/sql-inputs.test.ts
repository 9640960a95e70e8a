import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-bench-sql-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the table inputs of the benchmark (real CLI, built)', () => {
  it('postgres and duckdb-table: the hand-written queries and datacheck count the same as DuckDB on the Parquet file', async () => {
    expect(existsSync(new URL('../../dist/src/cli/main.js', import.meta.url)), 'run `npm run build` first').toBe(true);
    const gen = await loadBench('generate.js');
    const duck = await loadBench('duckdb-checks.js');
    const { compareCounts, formatComparison } = await loadBench('compare.js');
    const { datacheckCounts } = await loadBench('datacheck-run.js');
    const { ensureCsv, ensureDuckdbTable, rowsTransferred, sqlInputs } = await loadBench('sql-inputs.js');
    // 70k rows: a few duplicate keys (every 16,384th row) and some of every planted error.
    const data = await gen.ensureData({ dir: path.join(dir, 'data'), rows: 70_000, batchRows: 8_192 });
    const csv = await ensureCsv(data.paths.parquet);
    const duckdbFile = await ensureDuckdbTable(data.paths.parquet);
    const expected = await duck.duckdbCounts(data.paths.parquet, (await duck.runDuckdbChecks(data.paths.parquet)).row);
    expect(expected.duplicateRows).toBeGreaterThan(0);
    for (const input of sqlInputs({ parquet: data.paths.parquet, csv, duckdbFile, only: ['postgres', 'duckdb-table'] })) {
      try {
        await input.setup?.(() => undefined);
        const hand = await input.handWritten();
        const run = await input.datacheck();
        // The hand-written query's own counts (surplus duplicates aside) are the Parquet file's.
        const handCounts = await duck.duckdbCounts(data.paths.parquet, hand.row);
        expect(handCounts, input.name).toEqual(expected);
        const cmp = compareCounts(expected, datacheckCounts(run.result));
        expect(cmp.ok, `${input.name}\n${formatComparison(cmp)}`).toBe(true);
        expect(rowsTransferred(run.stderr)?.rows, input.name).toBeGreaterThan(0);
      } finally {
        await input.teardown?.();
      }
    }
  }, 180_000);
});
