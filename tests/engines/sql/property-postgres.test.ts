import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arrowUnderTest } from './tables.js';
import { postgresUnderTest } from './postgres-tables.js';
import { metrics, same, tables } from './property-cases.js';

// Every table is one CREATE TABLE and one multi-row INSERT on the shared test server, then the
// metric queries through the read-only connection: fewer runs than DuckDB, which is in-process.
const postgres = postgresUnderTest('property_pg');
afterAll(() => postgres.close?.());

describe('Arrow engine and PostgreSQL agree on random tables', () => {
  it('every metric, every table', async () => {
    const now = new Date('2024-06-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(tables, async (table) => {
        const [a, b] = await Promise.all([arrowUnderTest.compute(table, metrics, now), postgres.compute(table, metrics, now)]);
        const wrong = metrics.filter((m) => !same(m.spec, a.get(m.key)!, b.get(m.key)!, table)).map((m) => ({ metric: m.key, arrow: a.get(m.key), postgres: b.get(m.key) }));
        expect(wrong).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS_PG ?? 60) },
    );
  }, 120_000);
});
