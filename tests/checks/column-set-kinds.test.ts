import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { runSuite } from './run-suite.js';
import type { SuiteCheck } from '../../src/dsl/suite-check.js';

/**
 * Column pairs, multicolumn sums, uniqueness within a row, JSON and date formats through the real
 * runner on one CSV file, read by the Arrow engine and by DuckDB (the same answers from both).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-column-sets-'));
writeFileSync(
  path.join(dir, 'orders.csv'),
  [
    'id,ordered_at,shipped_at,net,tax,gross,email,backup_email,payload,day',
    '1,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,10,2,12,a@x.io,b@x.io,"{""a"":1}",2024-02-29',
    '2,2024-01-05T00:00:00Z,2024-01-04T00:00:00Z,10,2.5,12,c@x.io,c@x.io,"[1,]",2023-02-29',
    '3,2024-01-05T00:00:00Z,,5,,7,d@x.io,,NaN,2023-2-3',
    '4,2024-01-06T00:00:00Z,2024-01-06T00:00:00Z,0.1,0.2,0.3,e@x.io,f@x.io,,2024-12-31',
  ].join('\n'),
);

const COLUMNS = {
  id: col.int32(),
  ordered_at: col.timestamp(),
  shipped_at: col.timestamp().nullable(),
  net: col.float64(),
  tax: col.float64().nullable(),
  gross: col.float64(),
  email: col.string().pii(),
  backup_email: col.string().nullable().pii(),
  payload: col.string().nullable(),
  day: col.string(),
};

function contractOn(engine: 'arrow' | 'duckdb') {
  return defineContract({
    name: 'orders',
    source: { file: 'orders.csv', ...(engine === 'duckdb' && { engine: 'duckdb' as const }) },
    columns: COLUMNS,
  });
}

const run = (engine: 'arrow' | 'duckdb', build: Parameters<typeof defineSuite<typeof COLUMNS>>[1]) =>
  runSuite(dir, contractOn(engine), build);

for (const engine of ['arrow', 'duckdb'] as const) {
  describe(`checks across columns (${engine})`, () => {
    it('a pair compares two columns of each row; a null on either side is not considered', async () => {
      const { checks } = await run(engine, (t) => [
        t.columns('shipped_at', 'ordered_at').aGreaterThanB({ orEqual: true }),
        t.columns('shipped_at', 'ordered_at').aGreaterThanB(),
        t.columns('ordered_at', 'shipped_at').aLessThanB({ orEqual: true, mostly: 0.6 }),
        t.columns('net', 'gross').equal(),
      ]);
      expect(checks[0]).toMatchObject({
        kind: 'column_pair',
        outcome: 'fail',
        title: 'shipped_at is at least ordered_at',
        rows: { considered: 3, failed: 1 },
        measure: { type: 'rows', considered: 3, failed: 1, mostly: 1 },
        // The Arrow engine also knows the CSV line (DuckDB numbers rows only).
        failingRows: [{ row: 2, ...(engine === 'arrow' && { line: 3 }), values: { id: 2 } }],
      });
      expect(checks[1]).toMatchObject({ outcome: 'fail', rows: { considered: 3, failed: 2 } });
      expect(checks[2]).toMatchObject({ outcome: 'pass', rows: { considered: 3, failed: 1 } });
      expect(checks[3]).toMatchObject({ outcome: 'fail', title: 'net equals gross', rows: { considered: 4, failed: 4 } });
    });

    it('a sum of columns equals a column or a number, exactly; a row with a null part is not considered', async () => {
      const { checks } = await run(engine, (t) => [t.columns('net', 'tax').sumEquals('gross'), t.columns('net', 'tax').sumEquals(12)]);
      // Row 4: 0.1 + 0.2 is 0.30000000000000004 in floating point, not 0.3.
      expect(checks[0]).toMatchObject({
        kind: 'sum_equals',
        title: 'net + tax = gross',
        rows: { considered: 3, failed: 2 },
        failingRows: [{ row: 2 }, { row: 4 }],
      });
      expect(checks[1]).toMatchObject({ title: 'net + tax = 12', rows: { considered: 3, failed: 2 } });
    });

    it('values unique within a row skip nulls, and failing rows mask pii columns', async () => {
      const { checks } = await run(engine, (t) => [t.columns('email', 'backup_email').uniqueWithinRecord()]);
      expect(checks[0]).toMatchObject({ kind: 'unique_within_record', outcome: 'fail', rows: { considered: 4, failed: 1 } });
      expect(checks[0].failingRows?.[0]).toMatchObject({ row: 2, values: { id: 2, email: '***', backup_email: '***' } });
      expect(JSON.stringify(checks[0])).not.toContain('c@x.io');
    });

    it('a date format accepts only real dates as strftime writes them', async () => {
      const { checks } = await run(engine, (t) => [t.column('day').dateFormat('%Y-%m-%d'), t.column('day').dateFormat('%Y-%q')]);
      expect(checks[0]).toMatchObject({
        kind: 'date_format',
        title: 'day is a date written as %Y-%m-%d',
        rows: { considered: 4, failed: 2 },
        failingRows: [{ row: 2 }, { row: 3 }],
      });
      expect(checks[1]).toMatchObject({ outcome: 'error', issue: { code: 'expr.bad_literal' } });
      expect(checks[1].issue?.message).toContain('%q');
    });
  });
}

describe('JSON-parseable values', () => {
  it('on the Arrow engine and DuckDB: strict JSON, nulls not considered', async () => {
    for (const engine of ['arrow', 'duckdb'] as const) {
      const { checks } = await run(engine, (t) => [t.column('payload').jsonParseable()]);
      expect(checks[0], engine).toMatchObject({
        kind: 'json_parseable',
        title: 'payload is JSON',
        rows: { considered: 3, failed: 2 },
        failingRows: [{ row: 2 }, { row: 3 }],
      });
    }
  });
});

describe('building checks across columns', () => {
  const orders = contractOn('arrow');
  it('refuses a name the contract lacks, a repeated column and an unknown option, each at its line', () => {
    const suite = defineSuite(orders, (t) => [
      // Plain JavaScript: TypeScript would refuse 'nope' at compile time.
      (t.columns as unknown as (...n: string[]) => { equal(): SuiteCheck })('id', 'nope').equal(),
      t.columns('id', 'id').uniqueWithinRecord(),
      t.columns('net', 'tax').sumEquals(Number.NaN),
      t.columns('net', 'gross').equal({ orEqual: true } as never),
      t.column('day').dateFormat(''),
      t.columns('shipped_at', 'ordered_at').aGreaterThanB({ orEqual: 1 as never }),
    ]);
    expect(suite.checks).toEqual([]);
    expect(suite.invalid?.map((i) => [i.code, i.found])).toEqual([
      ['check.invalid_option', 'nope'],
      ['check.invalid_option', '["id","id"]'],
      ['check.invalid_option', 'NaN'],
      ['check.unknown_option', "'orEqual'"],
      ['check.invalid_option', '""'],
      ['check.invalid_option', '1'],
    ]);
    expect(suite.invalid?.[0].location?.file).toContain('column-set-kinds.test.ts');
  });
});
