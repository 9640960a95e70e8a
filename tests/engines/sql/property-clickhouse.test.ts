import { afterAll, describe, it } from 'vitest';
import { clickhouseUnderTest } from './clickhouse-tables.js';
import { agreesWithArrow } from './property-cases.js';

// One MergeTree table per random table (the Distributed reads are the conformance runner's and the
// driver tests'): here samples are compared row for row, which needs one scan order. ClickHouse
// 18.16 has no Bool type, so the boolean column and the metrics that read it are left out, and its
// refusals (sql.unsupported: exact quantiles, window functions) count as agreeing.
const clickhouse = clickhouseUnderTest('property_ch', { distributed: false });
afterAll(() => clickhouse.close?.());

describe('Arrow engine and ClickHouse agree on random tables', () => {
  it(
    'every metric it answers, every table',
    () => agreesWithArrow(clickhouse, Number(process.env.PROPERTY_RUNS_CH ?? 40), { without: ['b'], refusalsAgree: true }),
    120_000,
  );
});
