import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExpr } from '../../src/expr/parse-expr.js';
import type { FailuresValue, MetricOutcome, MetricSpec } from '../../src/model/metric.js';
import { metricKey } from '../../src/plan/metric-key.js';
import { arrowUnderTest, duckdbUnderTest } from '../engines/sql/tables.js';
import type { EngineUnderTest, TestTable } from '../engines/sql/tables.js';
import { postgresUnderTest } from '../engines/sql/postgres-tables.js';
import { clickhouseUnderTest } from '../engines/sql/clickhouse-tables.js';
import { closeTo } from './close-to.js';
import { inMemoryRowsUnderTest } from './in-memory-rows.js';

/**
 * Engine-agnostic cases (cases/*.json): a small table, a metric, the expected value or issue code.
 * Every engine in ENGINES must give the same answers: Arrow, the Arrow engine over the same rows as
 * in-memory row objects (`rows`), DuckDB, the real PostgreSQL test server (tables created in
 * the schema `conformance`, read as the read-only role), and a real two-shard ClickHouse cluster
 * (a Distributed table over a MergeTree table per shard, read as the reader).
 * Floats compare within 1e-9 relative (engines sum in different orders).
 */
const ENGINES: EngineUnderTest[] = [
  arrowUnderTest,
  inMemoryRowsUnderTest,
  duckdbUnderTest,
  postgresUnderTest('conformance'),
  clickhouseUnderTest('conformance'),
];
const NOW = new Date('2024-06-01T00:00:00Z');

interface Case {
  metric: Record<string, unknown>;
  expected?: unknown;
  /**
   * An issue code every engine gives, or per engine: by name (`arrow`, `rows`, `duckdb`, `postgres`), else
   * by family (`sql` for both SQL engines). An engine with no issue named gives `expected` (when
   * stated), so a feature PostgreSQL lacks reads `{ "postgres": "sql.unsupported" }` beside the value.
   */
  issue?: string | Record<string, string | null>;
  /** Why an engine's answer differs (an unsupported metric, a value it cannot store), by engine name. */
  why?: Record<string, string>;
  /**
   * Engines whose failing-row sample has no defined row order: a ClickHouse Distributed table
   * numbers each shard's rows apart (18.16 has no `_shard_num` to order shards by), so its sample
   * rows carry no number (null) and are compared by what is defined: the counts, the sample's
   * size, and when the sample holds every failing row, its rows' values in any order.
   */
  noRowOrder?: string[];
}
interface CaseFile {
  description: string;
  table: TestTable;
  cases: Case[];
}

/** JSON specs write `where` and `predicate` as text in datacheck's expression language. */
function toSpec(m: Record<string, unknown>): MetricSpec {
  const spec = { ...m } as Record<string, unknown>;
  if (typeof spec.where === 'string') spec.where = parseExpr(spec.where);
  if (typeof spec.predicate === 'string') spec.predicate = parseExpr(spec.predicate);
  return spec as unknown as MetricSpec;
}

/**
 * A failing-rows value as `expected` would read it if the engine's sample were in row order: its
 * rows, each without a row number, matched to the expected ones by their values (numbers taken
 * from those), when the sample holds every failing row; otherwise the expected sample when the
 * size agrees and no row is numbered (which rows a LIMIT keeps is not defined without an order).
 * Anything else is returned as it came, to fail.
 */
function unordered(got: unknown, expected: unknown): unknown {
  const g = got as FailuresValue;
  const e = expected as FailuresValue;
  if (!g || !Array.isArray(g.sample) || !e || !Array.isArray(e.sample) || g.sample.length !== e.sample.length) return got;
  if (e.sample.length < e.failed) return g.sample.every((r) => r.row === null) ? { ...g, sample: e.sample } : got;
  const left = [...g.sample];
  const matched = e.sample.map((row) => {
    const i = left.findIndex((r) => r.row === null && closeTo(r.values, row.values));
    return i < 0 ? undefined : { ...left.splice(i, 1)[0], row: row.row };
  });
  return matched.every(Boolean) ? { ...g, sample: matched } : got;
}

function issueFor(c: Case, engine: string): string | null | undefined {
  if (typeof c.issue !== 'object' || c.issue === null) return c.issue;
  // The rows engine is the Arrow engine fed by another reader: it answers as `arrow` does.
  const family = engine === 'arrow' || engine === 'rows' ? 'arrow' : 'sql';
  return engine in c.issue ? c.issue[engine] : c.issue[family];
}

const dir = path.join(import.meta.dirname, 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

afterAll(async () => {
  for (const e of ENGINES) await e.close?.();
});

for (const file of files) {
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CaseFile;
  describe(`${file}: ${data.description}`, () => {
    const metrics = data.cases.map((c) => {
      const spec = toSpec(c.metric);
      return { key: metricKey(spec), spec };
    });
    for (const engine of ENGINES) {
      it(`${engine.name} gives every expected answer`, async () => {
        const results = await engine.compute(data.table, metrics, NOW);
        const wrong: { metric: unknown; expected: unknown; got: unknown }[] = [];
        data.cases.forEach((c, i) => {
          const outcome = results.get(metrics[i].key) as MetricOutcome;
          const issue = issueFor(c, engine.name);
          const got = outcome.ok ? outcome.value : issue ? outcome.issue.code : outcome.issue;
          if (issue) {
            if (got !== issue) wrong.push({ metric: c.metric, expected: issue, got });
          } else if ('expected' in c && !closeTo(c.noRowOrder?.includes(engine.name) ? unordered(got, c.expected) : got, c.expected)) {
            wrong.push({ metric: c.metric, expected: c.expected, got });
          }
        });
        expect(wrong).toEqual([]);
      });
    }
  });
}
