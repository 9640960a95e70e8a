import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { col, defineContract, type defineSuite } from '../../src/index.js';
import { runSuite } from './run-suite.js';

/** t.expect(predicate) through the real runner on a CSV file (the Arrow engine). */
const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-expect-'));
writeFileSync(
  path.join(dir, 'orders.csv'),
  'id,ordered_at,shipped_at\n1,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z\n2,2024-01-05T00:00:00Z,2024-01-04T00:00:00Z\n3,2024-01-05T00:00:00Z,\n4,2024-01-06T00:00:00Z,2024-01-06T00:00:00Z\n',
);
const orders = defineContract({
  name: 'orders',
  source: { file: 'orders.csv' },
  columns: { id: col.int32(), ordered_at: col.timestamp(), shipped_at: col.timestamp().nullable() },
});

const run = (build: Parameters<typeof defineSuite<any>>[1]) => runSuite(dir, orders, build);

describe('t.expect(predicate)', () => {
  it('fails the rows where the predicate is false, with their values; a null result does not fail', async () => {
    const { checks } = await run((t) => [t.expect('shipped_at >= ordered_at')]);
    expect(checks[0]).toMatchObject({
      outcome: 'fail',
      title: 'expect shipped_at >= ordered_at',
      rows: { considered: 4, failed: 1 },
      failingRows: [{ row: 2, line: 3, values: { id: 2 } }],
    });
  });

  it('mostly and where work as on every row-level check', async () => {
    const { checks } = await run((t) => [
      t.expect('shipped_at >= ordered_at', { mostly: 0.75 }),
      t.expect('shipped_at >= ordered_at').where('id <> 2'),
    ]);
    expect(checks.map((c) => c.outcome)).toEqual(['pass', 'pass']);
    expect(checks[1].rows).toEqual({ considered: 3, failed: 0 });
  });

  it('a predicate that does not parse is that check error at its line; an empty one is refused when the suite is built', async () => {
    const { checks, suite } = await run((t) => [t.expect('shipped_at >= '), t.expect('  ')]);
    expect(checks[0]).toMatchObject({ outcome: 'error', issue: { code: 'expr.syntax' } });
    expect(checks[0].issue?.location?.file).toContain('expect-kind.test.ts');
    expect(suite.invalid?.map((i) => i.message)).toEqual(['expect() needs a predicate in the filter language']);
  });
});
