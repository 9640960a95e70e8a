import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { planDataset } from '../../src/plan/dataset-plan.js';

const orders = defineContract({ name: 'orders', columns: { id: col.int64().primaryKey(), amount: col.float64() } });
const suite = defineSuite(orders, (t) => [t.column('amount').mean().atLeast(0), t.rowCount().atLeast(1)]);
const kinds = (filter: string[]) => planDataset({ contract: orders, suiteChecks: suite.checks }, filter, 5)?.checks.map((c) => c.def.kind);

describe('--filter keeps the checks a kind declares alwaysSelected', () => {
  it('keeps the schema check, first, with any selected check', () => {
    expect(kinds(['mean'])).toEqual(['schema', 'column_stat']);
    expect(kinds(['row count'])).toEqual(['schema', 'row_count']);
  });

  it('selects nothing when nothing matches, and everything for the dataset’s name', () => {
    expect(kinds(['no such check'])).toBeUndefined();
    // schema, and per column its type and not-null; the key's uniqueness: 6 from the contract.
    expect(kinds(['orders'])).toHaveLength(6 + suite.checks.length);
  });
});
