import type { HistoryNeed, RecentQuery } from './history-store.js';
import { TREND_RUNS } from '../model/history.js';
import { HISTORY_COLUMNS, POINTS_PER_METRIC, rowValues } from './history-rows.js';
import type { HistoryRow } from './history-rows.js';

/** The one SQL text both stores run (DuckDB and PostgreSQL agree on all of it but epoch milliseconds). */
export interface HistorySql {
  /** The results table, quoted: `results` or `"datacheck_history"."results"`. */
  table: string;
  /** The expression for a timestamp column as epoch milliseconds (a BIGINT). */
  epochMs: (column: string) => string;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function createTable(s: HistorySql): string {
  return `CREATE TABLE IF NOT EXISTS ${s.table} (
  run_id VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  dataset VARCHAR NOT NULL,
  dataset_version VARCHAR,
  check_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,
  metric VARCHAR,
  value DOUBLE PRECISION,
  PRIMARY KEY (run_id, dataset, check_id)
)`;
}

/** Rows per INSERT: 9 parameters each stays far below PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_INSERT = 500;

/** Parameterised inserts of the rows; a run appended twice (a retry) adds nothing the second time. */
export function insertStatements(s: HistorySql, rows: readonly HistoryRow[]): { sql: string; params: unknown[] }[] {
  const out: { sql: string; params: unknown[] }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      const base = params.length;
      params.push(...rowValues(r));
      return `(${HISTORY_COLUMNS.map((c, j) => (c === 'started_at' ? `CAST($${base + j + 1} AS TIMESTAMPTZ)` : `$${base + j + 1}`)).join(', ')})`;
    });
    out.push({ sql: `INSERT INTO ${s.table} (${HISTORY_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, params });
  }
  return out;
}

/**
 * The newest points of each needed metric, one per run (two checks of one metric in a run measured
 * the same number), at most POINTS_PER_METRIC each.
 */
export function readPoints(s: HistorySql, needs: readonly HistoryNeed[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = needs
    .map((n) => {
      params.push(n.dataset, n.metric);
      return `(dataset = $${params.length - 1} AND metric = $${params.length})`;
    })
    .join(' OR ');
  const sql = `SELECT dataset, metric, run_id, at_ms, value FROM (
  SELECT dataset, metric, run_id, at_ms, value, row_number() OVER (PARTITION BY dataset, metric ORDER BY at_ms DESC) AS n FROM (
    SELECT dataset, metric, run_id, ${s.epochMs('min(started_at)')} AS at_ms, min(value) AS value
    FROM ${s.table} WHERE value IS NOT NULL AND (${where}) GROUP BY dataset, metric, run_id
  ) per_run
) ranked WHERE n <= ${POINTS_PER_METRIC}`;
  return { sql, params };
}

/** Every check's rows of the last `runs` runs (of one dataset or check, when given), oldest first. */
export function readRecent(s: HistorySql, q: RecentQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const filters: string[] = [];
  if (q.dataset !== undefined) {
    params.push(q.dataset);
    filters.push(`dataset = $${params.length}`);
  }
  if (q.checkId !== undefined) {
    params.push(q.checkId);
    filters.push(`check_id = $${params.length}`);
  }
  const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
  params.push(q.runs);
  const sql = `WITH picked AS (SELECT * FROM ${s.table} ${where}),
runs AS (SELECT run_id, min(started_at) AS started FROM picked GROUP BY run_id ORDER BY started DESC LIMIT $${params.length})
SELECT p.run_id, ${s.epochMs('p.started_at')} AS at_ms, p.dataset, p.check_id, p.kind, p.outcome, p.metric, p.value
FROM picked p JOIN runs r ON r.run_id = p.run_id ORDER BY p.started_at, p.dataset, p.check_id`;
  return { sql, params };
}

/** The outcome counts of each dataset's last TREND_RUNS runs. */
export function readTrends(s: HistorySql, datasets: readonly string[]): { sql: string; params: unknown[] } {
  const list = datasets.map((_, i) => `$${i + 1}`).join(', ');
  const sql = `WITH runs AS (
  SELECT dataset, run_id, min(started_at) AS started FROM ${s.table} WHERE dataset IN (${list}) GROUP BY dataset, run_id
), ranked AS (SELECT dataset, run_id, started, row_number() OVER (PARTITION BY dataset ORDER BY started DESC) AS n FROM runs)
SELECT r.dataset, r.run_id, ${s.epochMs('r.started')} AS at_ms, t.outcome, count(*) AS count
FROM ranked r JOIN ${s.table} t ON t.dataset = r.dataset AND t.run_id = r.run_id
WHERE r.n <= ${TREND_RUNS} GROUP BY r.dataset, r.run_id, r.started, t.outcome`;
  return { sql, params: [...datasets] };
}
