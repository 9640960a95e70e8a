import { afterAll, describe, it } from 'vitest';
import { postgresUnderTest } from './postgres-tables.js';
import { agreesWithArrow } from './property-cases.js';

// Every table is one CREATE TABLE and one multi-row INSERT on the shared test server, then the
// metric queries through the read-only connection: about 50 ms a table.
const postgres = postgresUnderTest('property_pg');
afterAll(() => postgres.close?.());

describe('Arrow engine and PostgreSQL agree on random tables', () => {
  it('every metric, every table', () => agreesWithArrow(postgres, Number(process.env.PROPERTY_RUNS_PG ?? 60)), 120_000);
});
