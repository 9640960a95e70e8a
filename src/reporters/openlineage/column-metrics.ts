import type { CheckResult, DatasetResult } from '../../model/result.js';
import type { DataQualityMetricsInputDatasetFacet, FacetBody } from '../../openlineage/index.js';

type Metrics = FacetBody<DataQualityMetricsInputDatasetFacet>;
type ColumnMetrics = Metrics['columnMetrics'][string];

/**
 * The dataQualityMetrics facet: the row count, and per column the null and distinct counts, the
 * non-null count, min and max (numbers only: the facet types them as numbers) and the sums and
 * quantiles the suite's checks computed over the whole column. Columns marked pii never send a
 * value from the data (min, max, sum, quantiles), only counts.
 */
export function columnMetricsOf(d: DatasetResult): Metrics | undefined {
  const columnMetrics: Record<string, ColumnMetrics> = {};
  const pii = new Set(d.columns.filter((c) => c.pii).map((c) => c.name));
  for (const c of d.columns) {
    const m: ColumnMetrics = {};
    if (isInteger(c.nullCount)) m.nullCount = c.nullCount;
    if (isInteger(c.distinctCount)) m.distinctCount = c.distinctCount;
    if (isInteger(c.nullCount) && isInteger(d.rowCount)) m.count = d.rowCount - c.nullCount;
    if (!c.pii && isNumber(c.min)) m.min = c.min;
    if (!c.pii && isNumber(c.max)) m.max = c.max;
    columnMetrics[c.name] = m;
  }
  for (const check of d.checks) {
    const stat = statOf(check);
    if (!stat || !check.column || pii.has(check.column)) continue;
    const m = (columnMetrics[check.column] ??= {});
    if (stat.kind === 'sum') m.sum = stat.value;
    else (m.quantiles ??= {})[String(stat.p)] = stat.value;
  }
  for (const [name, m] of Object.entries(columnMetrics)) if (Object.keys(m).length === 0) delete columnMetrics[name];
  if (!isInteger(d.rowCount) && Object.keys(columnMetrics).length === 0) return undefined;
  return { ...(isInteger(d.rowCount) && { rowCount: d.rowCount }), columnMetrics };
}

type Stat = { kind: 'quantile'; p: number; value: number } | { kind: 'sum'; value: number };

/**
 * A sum or quantile a check measured over the whole column, read from its structured measure.
 * Checks with a filter describe a subset, not the column, and are left out; so are estimates and
 * results written before measures existed (they have none).
 */
function statOf(c: CheckResult): Stat | undefined {
  const m = c.measure;
  if (m?.type !== 'statistic' || c.where !== undefined || c.outcome === 'error' || c.outcome === 'skipped' || !isNumber(m.value))
    return undefined;
  // An estimate (`{ approximate: true }`) is no value of the column's quantiles: OpenLineage's facet has no place for its bound.
  if (m.approximate && m.approximate.method !== 'exact') return undefined;
  if (m.p !== undefined && (m.statistic === 'quantile' || m.statistic === 'median')) return { kind: 'quantile', p: m.p, value: m.value };
  if (m.statistic === 'sum') return { kind: 'sum', value: m.value };
  return undefined;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInteger = (v: unknown): v is number => Number.isSafeInteger(v);
