import path from 'node:path';
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import { run } from '../../src/node.js';

/**
 * Checks that need an exact count per distinct value, on a column with more distinct values than
 * they keep (100,001 ids, past the 100,000 of drift and value sets), through the real Arrow engine:
 * each ends with its clear issue, never a crash, a guess or a silent pass.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const ids = Float64Array.from({ length: 100_001 }, (_, i) => i);
const contract = (name: string) => defineContract({ name, columns: { id: col.float64() } });
const current = contract('current');
const reference = contract('reference');

describe('columns with more distinct values than a check counts', () => {
  it('ends drift with drift.too_many_values and value sets with metric.too_many_values; entropy still answers', async () => {
    const suite = defineSuite(current, (t) => [
      t.column('id').drift('psi', { dataset: 'reference' }).atMost(0.2),
      t.column('id').distinctValues().within([1, 2, 3]),
      t.column('id').entropy().atLeast(16),
    ]);
    const result = await run({
      cwd: repoRoot,
      contracts: [current, reference],
      suites: [suite],
      data: { current: tableFromArrays({ id: ids }), reference: tableFromArrays({ id: ids }) },
    });
    const checks = result.datasets.find((d) => d.name === 'current')!.checks;
    const byKind = (kind: string) => checks.find((c) => c.kind === kind)!;
    expect(byKind('drift')).toMatchObject({ outcome: 'error', issue: { code: 'drift.too_many_values' } });
    expect(byKind('value_set')).toMatchObject({ outcome: 'error', issue: { code: 'metric.too_many_values' } });
    // Entropy keeps up to 1,000,000 counts: 100,001 equally frequent values give log2(100,001) bits.
    expect(byKind('column_stat')).toMatchObject({ outcome: 'pass' });
    expect(byKind('column_stat').observed as number).toBeCloseTo(Math.log2(100_001), 9);
    expect(result.outcome).toBe('error');
  });
});
