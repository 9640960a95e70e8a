import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrowUnderTest, duckdbUnderTest } from './tables.js';
import { metrics, same, tables } from './property-cases.js';

describe('Arrow engine and DuckDB agree on random tables', () => {
  it('every metric, every table', async () => {
    const now = new Date('2024-06-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(tables, async (table) => {
        const [a, b] = await Promise.all([arrowUnderTest.compute(table, metrics, now), duckdbUnderTest.compute(table, metrics, now)]);
        const wrong = metrics.filter((m) => !same(m.spec, a.get(m.key)!, b.get(m.key)!, table)).map((m) => ({ metric: m.key, arrow: a.get(m.key), duckdb: b.get(m.key) }));
        expect(wrong).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  }, 120_000);
});
