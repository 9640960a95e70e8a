import { describe, expect, it } from 'vitest';
import { loadBench } from './load-bench.js';
import type { Counts } from './load-bench.js';

const { compareCounts, formatComparison } = await loadBench('compare.js');

const counts = (over: Partial<Counts> = {}): Counts => ({
  rows: 100,
  nulls: { order_id: 0, customer_id: 0, amount: 3, status: 0, email: 0, ordered_at: 0 },
  duplicateRows: 4,
  badStatus: 2,
  badEmail: 1,
  amountOutOfRange: 5,
  ...over,
});

describe('comparing the two engines', () => {
  it('agrees when every figure is equal', () => {
    const c = compareCounts(counts(), counts());
    expect(c.ok).toBe(true);
    expect(c.rows).toHaveLength(11);
    expect(formatComparison(c)).not.toContain('DIFFERENT');
  });

  it('flags a single differing figure by name', () => {
    const c = compareCounts(counts(), counts({ badEmail: 2 }));
    expect(c.ok).toBe(false);
    const line = formatComparison(c)
      .split('\n')
      .find((l: string) => l.startsWith('email not matching'));
    expect(line).toMatch(/1\s+2\s+DIFFERENT$/);
  });

  it('treats a figure datacheck did not produce as a disagreement, never a match', () => {
    const c = compareCounts(counts(), counts({ nulls: { ...counts().nulls, amount: undefined } }));
    expect(c.ok).toBe(false);
    expect(formatComparison(c)).toMatch(/nulls amount\s+3\s+missing\s+DIFFERENT/);
  });
});
