import type { LogicalType } from '../../model/contract.js';
import type { MetricResults, PhysicalColumn, PlannedMetric } from '../../model/metric.js';
import type { SqlConnection, SqlRelation } from './sql-connection.js';

/**
 * Metrics a Parquet file's footer answers exactly, without reading a row: the row count, a
 * column's null count when every row group records it, and the min/max of integer, date and
 * timestamp columns when every row group that holds a value records them. Never for a `where`,
 * floats (writers differ on NaN in statistics), strings (writers may truncate them), decimals or
 * legacy INT96 timestamps (their statistics use an undefined order). The answers equal the
 * scanned ones on the bench's table and on the Parquet files of ../shared/datasets
 * (tests/engines/sql/parquet-footer.test.ts). Measured (5M rows, 41 row groups): the footer
 * query takes 5-20 ms where the aggregate scan takes 0.5-1.5 s.
 */

/** DuckDB's type the statistics' text is cast to, for the column kinds whose statistics are exact. */
function statisticsType(t: LogicalType | undefined): string | undefined {
  if (t?.type === 'int') return (t.signed ? SIGNED : UNSIGNED)[t.bits];
  if (t?.type === 'date') return 'DATE';
  // Nanosecond statistics would be truncated to microseconds by the cast.
  if (t?.type === 'timestamp' && t.unit !== 'ns') return t.tz ? 'TIMESTAMPTZ' : 'TIMESTAMP';
  return undefined;
}
const SIGNED: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
const UNSIGNED: Record<number, string> = { 8: 'UTINYINT', 16: 'USMALLINT', 32: 'UINTEGER', 64: 'UBIGINT' };

type Wanted = { key: string; kind: 'row_count' } | { key: string; kind: 'null_count' | 'min' | 'max'; column: string };

/** The metrics the footer can answer, judged by their spec and the column's type only. */
function footerMetrics(metrics: PlannedMetric[], physical: PhysicalColumn[]): Wanted[] {
  const types = new Map(physical.map((c) => [c.name, c.logical]));
  const wanted: Wanted[] = [];
  for (const { key, spec } of metrics) {
    if (spec.kind === 'row_count' && !spec.where) wanted.push({ key, kind: 'row_count' });
    else if (spec.kind === 'null_count' && !spec.where && types.has(spec.column))
      wanted.push({ key, kind: 'null_count', column: spec.column });
    else if ((spec.kind === 'min' || spec.kind === 'max') && !spec.where && statisticsType(types.get(spec.column)))
      wanted.push({ key, kind: spec.kind, column: spec.column });
  }
  return wanted;
}

/**
 * One statement over the footers (parquet_metadata: a row per row group and column; DuckDB reads
 * the footers only). Per column: the row groups that hold it, how many record a null count and
 * its sum, and for min/max the extreme of the statistics with the number of row groups whose
 * statistic is missing, inexact or unreadable although the group holds a value.
 */
function footerQuery(paths: string[], wanted: Wanted[], types: Map<string, LogicalType | undefined>) {
  const params: unknown[] = [...paths];
  const list = `[${paths.map((_, i) => `$${i + 1}`).join(', ')}]`;
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const items = [
    `(SELECT sum(num_rows) FROM parquet_file_metadata(${list})) AS "rows"`,
    `(SELECT sum(num_row_groups) FROM parquet_file_metadata(${list})) AS "groups"`,
    `(SELECT sum(row_group_num_rows) FROM (SELECT DISTINCT file_name, row_group_id, row_group_num_rows FROM parquet_metadata(${list}))) AS "group_rows"`,
  ];
  const columns = [...new Set(wanted.flatMap((w) => (w.kind === 'row_count' ? [] : [w.column])))];
  columns.forEach((name, i) => {
    const on = `path_in_schema = ${bind(name)}`;
    items.push(`count(*) FILTER (WHERE ${on}) AS "c${i}_groups"`);
    items.push(`count(stats_null_count) FILTER (WHERE ${on}) AS "c${i}_nulls_known"`);
    items.push(`sum(stats_null_count) FILTER (WHERE ${on}) AS "c${i}_nulls"`);
    const type = statisticsType(types.get(name));
    if (!type) return;
    const valued = `(stats_null_count IS NULL OR stats_null_count < row_group_num_rows)`;
    for (const [end, agg] of [
      ['min', 'min'],
      ['max', 'max'],
    ]) {
      const stat = `TRY_CAST(stats_${end}_value AS ${type})`;
      items.push(`${agg}(${stat}) FILTER (WHERE ${on}) AS "c${i}_${end}"`);
      items.push(
        `count(*) FILTER (WHERE ${on} AND type <> 'INT96' AND ${valued} AND ${stat} IS NOT NULL AND ${end}_is_exact IS DISTINCT FROM false) AS "c${i}_${end}_exact"`,
      );
      items.push(`count(*) FILTER (WHERE ${on} AND ${valued}) AS "c${i}_${end}_valued"`);
    }
  });
  return { columns, query: { sql: `SELECT ${items.join(', ')} FROM parquet_metadata(${list})`, params } };
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * The metrics the footers of a Parquet relation answer exactly; the others are left to the scan.
 * Empty for any other relation, and when the footers cannot be read (the scan then reports why).
 */
export async function answersFromFooter(
  connection: SqlConnection,
  relation: SqlRelation,
  metrics: PlannedMetric[],
  physical: PhysicalColumn[],
): Promise<MetricResults> {
  const answers: MetricResults = new Map();
  if (connection.dialect !== 'duckdb' || relation.kind !== 'files' || relation.format !== 'parquet') return answers;
  const wanted = footerMetrics(metrics, physical);
  if (wanted.length === 0) return answers;
  const types = new Map(physical.map((c) => [c.name, c.logical]));
  const { columns, query } = footerQuery(relation.paths, wanted, types);
  const [row] = await connection.query(query);
  const groups = n(row.groups);
  // A writer whose file row count disagrees with its row groups' (parquet-testing's
  // repeated_no_annotation.parquet: 0 against 6 rows) is trusted with nothing.
  if (n(row.rows) !== n(row.group_rows)) return answers;
  for (const w of wanted) {
    if (w.kind === 'row_count') {
      answers.set(w.key, { ok: true, value: n(row.rows) });
      continue;
    }
    const c = `c${columns.indexOf(w.column)}`;
    // A column some row group lacks (another file's schema, a nested leaf) is left to the scan.
    if (n(row[`${c}_groups`]) !== groups) continue;
    if (w.kind === 'null_count') {
      if (n(row[`${c}_nulls_known`]) === groups) answers.set(w.key, { ok: true, value: n(row[`${c}_nulls`]) });
    } else if (n(row[`${c}_nulls_known`]) === groups && n(row[`${c}_${w.kind}_exact`]) === n(row[`${c}_${w.kind}_valued`])) {
      answers.set(w.key, { ok: true, value: (row[`${c}_${w.kind}`] ?? null) as number | null });
    }
  }
  return answers;
}
