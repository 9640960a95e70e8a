import { readPoints, readTrends } from './history-sql.js';
import type { HistorySql } from './history-sql.js';
import type { HistoryNeed, HistoryRead } from './history-store.js';
import { pointsFrom, trendsFrom } from './history-store.js';

/** Runs one statement with bound values and returns its rows as objects. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The read both stores share: the needed metrics' points, then the datasets' recent outcome counts. */
export async function readStore(
  query: RunQuery,
  s: HistorySql,
  needs: readonly HistoryNeed[],
  datasets: readonly string[],
): Promise<HistoryRead> {
  const point = readPoints(s, needs);
  const points = needs.length === 0 ? {} : pointsFrom(await query(point.sql, point.params));
  const trend = readTrends(s, datasets);
  const trends = datasets.length === 0 ? {} : trendsFrom(await query(trend.sql, trend.params));
  return { points, trends };
}
