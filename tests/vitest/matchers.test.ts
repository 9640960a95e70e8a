import path from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { datacheckMatchers, dataset } from '../../src/vitest/index.js';

expect.extend(datacheckMatchers);

const repoRoot = path.resolve(__dirname, '../..');

const customers = defineContract({
  name: 'customers',
  columns: {
    id: col.int32().primaryKey(),
    email: col.string().nullable().pii(),
    tier: col.string().oneOf(['free', 'pro']),
    score: col.float64().nullable(),
  },
});
type Row = { id: number; email: string | null; tier: 'free' | 'pro'; score: number | null };
const good: Row[] = [
  { id: 1, email: 'ada@example.com', tier: 'pro', score: 0.5 },
  { id: 2, email: 'bo@example.com', tier: 'free', score: 0.9 },
];
const withNull: Row[] = [...good, { id: 3, email: null, tier: 'free', score: null }];

describe('toSatisfyContract', () => {
  it('passes on data that keeps every promise of the contract', async () => {
    await expect(dataset(customers, good)).toSatisfyContract();
  });

  it('reads the contract’s own source when no data is given (the bundled example)', async () => {
    const { default: orders } = await import('../../contracts/orders.contract.js');
    const { default: customersOfShop } = await import('../../contracts/customers.contract.js');
    await expect(dataset(orders, undefined, { cwd: repoRoot, references: [customersOfShop] })).toSatisfyContract();
    // Only orders is judged: the referenced customers are read, and their broken promises are theirs.
    const strangers = dataset(customersOfShop, [{ id: 1, first_name: '', last_name: 'lowercase' }]);
    await expect(expect(dataset(orders, undefined, { cwd: repoRoot, references: [strangers] })).toSatisfyContract()).rejects.toThrow(
      /user_id references customers\.id/,
    );
  });

  it('fails with observed vs expected, where the check was written and the failing rows, pii masked', async () => {
    const rows = [...good, { id: 2, email: 'secret@example.com', tier: 'gold' as 'pro', score: 1 }];
    const failure = expect(dataset(customers, rows)).toSatisfyContract();
    await expect(failure).rejects.toThrow(/expected dataset 'customers' to satisfy its contract/);
    const message = await failure.catch((e: Error) => e.message);
    expect(message).toContain('id is unique');
    expect(message).toMatch(/tier in \('free', 'pro'\) +tests\/vitest\/matchers\.test\.ts:\d+/);
    expect(message).toMatch(/row 3: id=2, email="\*\*\*", tier="gold"/);
    expect(message).not.toContain('secret@example.com');
  });

  it('supports .not', async () => {
    await expect(dataset(customers, [...good, good[0]])).not.toSatisfyContract();
    await expect(expect(dataset(customers, good)).not.toSatisfyContract()).rejects.toThrow(
      /expected dataset 'customers' not to satisfy its contract, but it did/,
    );
  });
});

describe('toPass(suite)', () => {
  const suite = defineSuite(customers, (t) => [t.rowCount().atLeast(2), t.column('score').mean().atMost(0.6)]);

  it('runs the suite on the dataset and fails with the statistic observed', async () => {
    const failure = expect(dataset(customers, good)).toPass(suite);
    await expect(failure).rejects.toThrow(/expected dataset 'customers' to pass its suite/);
    await expect(failure).rejects.toThrow(
      /score mean at most 0\.6 +tests\/vitest\/matchers\.test\.ts:\d+\n +observed 0\.7 · expected at most 0\.6/,
    );
  });

  it('passes a suite the data meets', async () => {
    await expect(dataset(customers, [...good, { id: 3, email: null, tier: 'free', score: 0 }])).toPass(suite);
  });

  it('runs a suite on a copy of its contract given to dataset()', async () => {
    const copy = { ...customers, source: { data: good } };
    await expect(expect(dataset(copy)).toPass(suite)).rejects.toThrow(/observed 0\.7/);
  });

  it('refuses a suite written for another contract', async () => {
    const other = defineSuite(defineContract({ name: 'other', columns: { x: col.int32() } }), (t) => [t.rowCount().atLeast(1)]);
    await expect(expect(dataset(customers, good)).toPass(other)).rejects.toThrow(/a suite for 'other', not for 'customers'/);
  });
});

describe('column matchers', () => {
  it('toHaveNoNulls judges only that column (other broken promises do not count)', async () => {
    await expect(dataset(customers, [...good, { ...good[0], id: 1 }])).toHaveNoNulls('email');
    const failure = expect(dataset(customers, withNull)).toHaveNoNulls('email');
    await expect(failure).rejects.toThrow(/expected dataset 'customers' to have no nulls in 'email'/);
    const message = await failure.catch((e: Error) => e.message);
    expect(message).toContain('1 row of 3 failed');
    expect(message).toContain('row 3: id=3, email=null');
    expect(message).not.toContain('id is unique');
  });

  it('toHaveUniqueValues, toHaveValuesIn, toHaveValuesBetween, toHaveRowCount', async () => {
    const ds = dataset(customers, withNull);
    await expect(ds).toHaveUniqueValues('id');
    await expect(ds).toHaveValuesIn('tier', ['free', 'pro']);
    await expect(ds).not.toHaveValuesIn('tier', ['pro']);
    await expect(ds).toHaveValuesBetween('score', 0, 1);
    await expect(ds).not.toHaveValuesBetween('score', 0.6, null);
    await expect(ds).toHaveRowCount(3);
    await expect(ds).toHaveRowCount({ min: 1, max: 5 });
    await expect(expect(ds).toHaveRowCount(4)).rejects.toThrow(/observed 3/);
  });

  it('works on an Apache Arrow Table and an arquero table', async () => {
    const arrow = tableFromArrays({ id: Int32Array.from([1, 2]), email: ['a@x.io', null], tier: ['pro', 'free'], score: [1, 2] });
    await expect(expect(dataset(customers, arrow)).toHaveNoNulls('email')).rejects.toThrow(/1 row of 2 failed/);
    const table = aq.table({ id: [1, 2, 2], email: ['a@x.io', 'b@x.io', 'c@x.io'], tier: ['pro', 'free', 'free'], score: [1, 2, 3] });
    await expect(dataset(customers, table)).toHaveNoNulls('email');
    await expect(expect(dataset(customers, table)).toHaveUniqueValues('id')).rejects.toThrow(/2 rows of 3 failed/);
  });

  it('says when the column is missing from the data', async () => {
    const rows = [{ id: 1, tier: 'pro' }] as unknown as Row[];
    await expect(expect(dataset(customers, rows)).toHaveNoNulls('email')).rejects.toThrow(/email/);
  });

  it('says what it needs when given something that is not a dataset', async () => {
    await expect(expect(good).toHaveNoNulls('email')).rejects.toThrow(/expect\(\) needs dataset\(contract\)/);
  });
});
