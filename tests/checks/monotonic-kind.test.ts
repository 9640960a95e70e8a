import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { runSuite } from './run-suite.js';

/** increasing()/decreasing() through the real runner on a CSV file, on the Arrow engine and DuckDB. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-monotonic-'));
writeFileSync(
  path.join(dir, 'readings.csv'),
  ['seq,at,meter', '1,2024-01-01,10', '2,2024-01-02,12', '3,,12', '4,2024-01-02,11', '5,2024-01-05,15', '6,2024-01-04,20'].join('\n'),
);
const COLUMNS = { seq: col.int32(), at: col.date().nullable(), meter: col.float64() };
const readings = (engine: 'arrow' | 'duckdb') =>
  defineContract({
    name: 'readings',
    source: { file: 'readings.csv', ...(engine === 'duckdb' && { engine: 'duckdb' as const }) },
    columns: COLUMNS,
  });

for (const engine of ['arrow', 'duckdb'] as const) {
  const run = (build: Parameters<typeof defineSuite<typeof COLUMNS>>[1]) => runSuite(dir, readings(engine), build);
  describe(`increasing and decreasing in file order (${engine})`, () => {
    it('holds each value to the one before it; nulls are skipped', async () => {
      const { checks } = await run((t) => [
        t.column('meter').increasing(),
        t.column('meter').increasing({ strictly: true }),
        t.column('at').increasing(),
        t.column('seq').decreasing({ mostly: 0.2 }),
      ]);
      expect(checks[0]).toMatchObject({
        kind: 'monotonic',
        title: 'meter is increasing',
        outcome: 'fail',
        rows: { considered: 6, failed: 1 },
        measure: { type: 'rows', considered: 6, failed: 1, mostly: 1 },
        failingRows: [{ row: 4, values: { seq: 4, meter: 11 } }],
      });
      expect(checks[1]).toMatchObject({ title: 'meter is strictly increasing', rows: { considered: 6, failed: 2 } });
      expect(checks[1].failingRows?.map((r) => r.row)).toEqual([3, 4]);
      // Row 3 has no date: row 4 (01-02) is held to row 2 (01-02) and passes; row 6 goes back a day.
      expect(checks[2]).toMatchObject({ rows: { considered: 5, failed: 1 }, failingRows: [{ row: 6 }] });
      expect(checks[3]).toMatchObject({ title: 'seq is decreasing', outcome: 'fail', rows: { considered: 6, failed: 5 } });
    });

    it('where narrows the rows before they are paired', async () => {
      const { checks } = await run((t) => [t.column('meter').increasing().where('seq <> 4')]);
      expect(checks[0]).toMatchObject({ outcome: 'pass', rows: { considered: 5, failed: 0 } });
    });
  });
}

describe('building increasing()', () => {
  it('refuses a strictly that is not true or false', () => {
    const suite = defineSuite(readings('arrow'), (t) => [t.column('meter').increasing({ strictly: 'yes' as never })]);
    expect(suite.invalid?.map((i) => [i.code, i.found])).toEqual([['check.invalid_option', '"yes"']]);
  });
});
