import { afterAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_BYTES } from '../../../../../src/engines/sql/drivers/clickhouse/clickhouse-connection.js';
import { col, defineContract, defineSuite } from '../../../../../src/index.js';
import type { ColumnDef, ContractDef } from '../../../../../src/model/contract.js';
import type { CheckResult } from '../../../../../src/model/result.js';
import { runDatacheck } from '../../../../../src/run/runner.js';
import type { TestTable } from '../../tables.js';
import { clickhouseUnderTest } from '../../clickhouse-tables.js';

/**
 * Checks 18.16 has no direct means for, on a real two-shard Distributed table (the first half of
 * the rows on shard 1, the rest on shard 2): `unique` without window functions, booleans stored as
 * UInt8, and value lists past the parser's default limits.
 */
const ch = clickhouseUnderTest('checks');
afterAll(() => ch.close?.());

async function checksOf(name: string, table: TestTable, columns: Record<string, { def: ColumnDef }>): Promise<CheckResult[]> {
  const cluster = await ch.cluster();
  const parts = await ch.createTable(table, name);
  const contract = defineContract({ name, source: { table: parts.join('.'), connection: 'ch' }, columns: columns as never });
  const result = await runDatacheck({
    cwd: process.cwd(),
    contracts: [contract as ContractDef],
    suites: [defineSuite(contract, () => [])],
    issues: [],
    maxFailingRows: 5,
    connections: { ch: { kind: 'clickhouse', urlEnv: 'CH_URL' } },
    env: { CH_URL: cluster.shards[0].url },
  });
  return result.datasets[0].checks;
}

const byKind = (checks: CheckResult[], kind: string, column?: string) =>
  checks.find((c) => c.kind === kind && (column === undefined || c.column === column));

describe('unique on a Distributed table', () => {
  it('finds a key duplicated across the two shards, and one within a shard, with their rows as samples', async () => {
    // Rows 1-3 are on shard 1 and rows 4-6 on shard 2: id 1 is on both, id 2 twice on shard 1.
    const table: TestTable = {
      columns: { id: 'int', name: 'string' },
      rows: [
        [1, 'a'],
        [2, 'b'],
        [2, 'c'],
        [3, 'd'],
        [1, 'e'],
        [4, 'f'],
      ],
    };
    const checks = await checksOf('dups', table, { id: col.int64().unique(), name: col.string() });
    const unique = byKind(checks, 'unique');
    expect(unique?.outcome).toBe('fail');
    expect(unique?.rows).toMatchObject({ considered: 6, failed: 4 });
    const sampled = unique?.failingRows?.map((r) => r.values) ?? [];
    expect(sampled).toHaveLength(4);
    // Each shard numbers its own rows, so a number would name the wrong row: there is none.
    expect(unique?.failingRows?.map((r) => r.row)).toEqual([null, null, null, null]);
    expect(sampled).toEqual(
      expect.arrayContaining([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
        { id: 2, name: 'c' },
        { id: 1, name: 'e' },
      ]),
    );
  });

  it('passes when every key is once in the whole table', async () => {
    const table: TestTable = { columns: { id: 'int' }, rows: [[1], [2], [3], [4]] };
    const checks = await checksOf('no_dups', table, { id: col.int64().unique() });
    expect(byKind(checks, 'unique')).toMatchObject({ outcome: 'pass', rows: { failed: 0 } });
  });
});

describe('a boolean stored as UInt8 (18.16 has no Bool type)', () => {
  it('matches a contract that declares it boolean and reads its values as true/false', async () => {
    const table: TestTable = {
      columns: { id: 'int', paid: 'bool' },
      rows: [
        [1, true],
        [2, false],
        [3, null],
        [4, true],
      ],
    };
    const checks = await checksOf('bools', table, { id: col.int64(), paid: col.bool().oneOf([true]) });
    expect(checks.filter((c) => c.outcome === 'error')).toEqual([]);
    expect(byKind(checks, 'column_type', 'paid')?.outcome).toBe('pass');
    const oneOf = byKind(checks, 'accepted_values', 'paid');
    expect(oneOf?.rows).toMatchObject({ failed: 1 });
    expect(oneOf?.failingRows).toMatchObject([{ values: { id: 2, paid: false } }]);
  });
});

describe('long value lists', () => {
  const codes = Array.from({ length: 50_000 }, (_, i) => `code-${i}`);

  it('checks a 50,000-value oneOf list in one statement (past the 256 KiB and 50,000-element defaults)', async () => {
    const table: TestTable = { columns: { code: 'string' }, rows: [['code-1'], ['code-49999'], ['not-listed'], ['code-7']] };
    const checks = await checksOf('codes', table, { code: col.string().oneOf(codes) });
    const oneOf = byKind(checks, 'accepted_values');
    expect(oneOf).toMatchObject({ outcome: 'fail', rows: { considered: 4, failed: 1 }, failingRows: [{ values: { code: 'not-listed' } }] });
    // Each server parses the 739 KB list (about 1 s for one copy of it, 3 s through the
    // Distributed table, measured at load average 14 on 2 cores): minutes of slack on a busy machine.
  }, 240_000);

  it('refuses a statement past the limit with sql.unsupported in plain words, not a syntax error', async () => {
    const longCodes = Array.from({ length: Math.ceil(MAX_QUERY_BYTES / 16) }, (_, i) => `long-code-${i}`);
    const table: TestTable = { columns: { code: 'string' }, rows: [['long-code-1']] };
    const checks = await checksOf('long_codes', table, { code: col.string().oneOf(longCodes) });
    const errored = checks.filter((c) => c.outcome === 'error');
    expect(errored.length).toBeGreaterThan(0);
    for (const c of errored) {
      expect(c.issue?.code).toBe('sql.unsupported');
      expect(c.issue?.message).toMatch(/MiB of SQL, over the 16 MiB .*max_query_size/);
    }
  }, 240_000);
});
