import { describe, it } from 'vitest';
import { duckdbUnderTest } from './tables.js';
import { agreesWithArrow } from './property-cases.js';

describe('Arrow engine and DuckDB agree on random tables', () => {
  it('every metric, every table', () => agreesWithArrow(duckdbUnderTest, Number(process.env.PROPERTY_RUNS ?? 60)), 120_000);
});
