import type { HistogramValue, MetricSpec, TopValuesValue } from '../../model/metric.js';
import type { Select, SqlExpr } from './ast.js';
import { bin, col, countStar, fn, isNull, not, num, param } from './ast.js';
import type { CompiledQuery, QueryState } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, columnValue } from './compile-expr.js';
import type { CompileInput } from './compile-input.js';
import { filterOf, groupKey } from './compile-input.js';
import { numericValue } from './metric-values.js';

/*
 * The column profiles' queries (histograms and top values), run only when a report charts them
 * (`--profile full`): each needs a pass of its own beside the dataset's aggregate query.
 */

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export function histogram(
  key: string,
  spec: Extract<MetricSpec, { kind: 'histogram' }>,
  ctx: ExprContext,
  input: CompileInput,
  alias: (part: string) => string,
): CompiledQuery {
  const v = numericValue(spec.column, 'histogram', ctx);
  const bins = spec.bins;
  if (!Number.isSafeInteger(bins) || bins < 1) throw new SqlUnsupported(`a histogram needs a positive whole number of bins, not ${bins}`);
  const bounds = (s: QueryState) => ({
    min: s.aggregate[alias('hmin')] as number | null,
    max: s.aggregate[alias('hmax')] as number | null,
  });
  const empty = (): HistogramValue => ({ min: null, max: null, counts: new Array(bins).fill(0) });
  return {
    label: `histogram of ${spec.column}`,
    keys: [key],
    select(s) {
      const { min, max } = bounds(s);
      // The Arrow engine's formula, in the same floating-point order: min(bins - 1, floor((x - min) * bins / (max - min))).
      const index = binIndex(v.expr, min, max, bins);
      // Bins are computed in a subquery and grouped by name: the bound parameters make the
      // expression itself unfit for GROUP BY in engines that compare expressions textually.
      const binned: Select = {
        t: 'select',
        columns: [{ expr: index, alias: 'bin' }],
        from: input.from,
        where: filterOf(spec.where, ctx, ...v.keep),
      };
      return {
        t: 'select',
        columns: [
          { expr: col('bin'), alias: 'bin' },
          { expr: countStar(), alias: 'n' },
        ],
        from: { t: 'subquery', query: binned, alias: 'h' },
        groupBy: [col('bin')],
      };
    },
    runIf: (s) => bounds(s).min !== null && bounds(s).min !== undefined,
    onSkip: (s) => void s.results.set(key, { ok: true, value: empty() }),
    apply(rows, s) {
      const value: HistogramValue = { ...bounds(s), counts: new Array(bins).fill(0) };
      for (const r of rows) value.counts[n(r.bin)] += n(r.n);
      s.results.set(key, { ok: true, value });
    },
  };
}

/**
 * A value's bin, as the Arrow engine computes it (aggregators/histogram.ts binValues). A range past
 * the largest double is halved first, and with an infinite end only the ends have a position
 * (finite values go to bin 0): SQL engines would give NaN there, or (PostgreSQL) fail on overflow.
 */
function binIndex(x: SqlExpr, min: unknown, max: unknown, bins: number): SqlExpr {
  const bound = (b: unknown): SqlExpr => ({ t: 'cast', arg: param(b), type: 'double' });
  const last = num(bins - 1);
  const clamp = (scaled: SqlExpr): SqlExpr => ({ t: 'case', whens: [[bin('>', scaled, last), last]], else: scaled });
  if (min === max) return num(0);
  // `datacheck plan` renders before the bounds are known (placeholders): the general formula.
  const known = typeof min === 'number' && typeof max === 'number';
  if (known && (!Number.isFinite(min) || !Number.isFinite(max)))
    return { t: 'case', whens: [[bin('=', x, bound(max)), last]], else: num(0) };
  if (!known || Number.isFinite(max - min)) {
    // The Arrow engine's formula in the same floating-point order: floor((x - min) * bins / (max - min)).
    // Where the quotient is below one half its floor is 0 anyway; not dividing there keeps
    // PostgreSQL from failing with 'value out of range: underflow' on a quotient below 5e-324.
    const scaled = bin('*', bin('-', x, bound(min)), num(bins));
    const range = bin('-', bound(max), bound(min));
    return { t: 'case', whens: [[bin('<', scaled, bin('-', range, scaled)), num(0)]], else: clamp(fn('floor', [bin('/', scaled, range)])) };
  }
  // A value below 1e-300 halves to nothing beside a bound past 1e307 (the range overflowed):
  // taken as 0, which also spares PostgreSQL an underflow error on 5e-324 / 2.
  const tiny = { t: 'logic', op: 'AND', args: [bin('>', x, num(-1e-300)), bin('<', x, num(1e-300))] } as SqlExpr;
  const half = (e: SqlExpr): SqlExpr => ({ t: 'case', whens: [[tiny, num(0)]], else: bin('/', e, num(2)) });
  const [lo, hi] = [min as number, max as number];
  const ratio = bin('/', bin('-', half(x), bound(lo / 2)), bound(hi / 2 - lo / 2));
  return {
    t: 'case',
    whens: [
      [bin('=', x, bound(max)), last],
      [bin('=', x, bound(min)), num(0)],
    ],
    else: clamp(fn('floor', [bin('*', ratio, num(bins))])),
  };
}

/** Values top_values counts: non-null and, as in the Arrow engine, not NaN (no value a report can show). */
export function topValueFilter(v: { sql: SqlExpr; kind: string }): SqlExpr[] {
  return v.kind === 'float' ? [isNull(v.sql, true), not(fn('is_nan', [v.sql]))] : [isNull(v.sql, true)];
}

/**
 * Rows of the prefix that decides a top-values profile: a column with more than maxDistinct values
 * in its first PREFIX_FACTOR * (maxDistinct + 1) rows has more overall, and a LIMIT stops the scan there.
 */
const PREFIX_FACTOR = 16;

/**
 * The most frequent values of a column, or `truncated` past maxDistinct distinct values, as the
 * Arrow engine does. Two queries: the distinct values of a bounded prefix (a key-like column, e.g.
 * emails, shows more than maxDistinct there and costs no full scan), then only when that is within
 * the limit, the GROUP BY whose group count (a window count over the groups; a query of its own
 * where the dialect has no window functions) is the exact distinct count. Measured on 5M rows: an exact count(DISTINCT email) in the aggregate query cost DuckDB
 * ~1 s and PostgreSQL ~10 s.
 */
export function topValues(
  key: string,
  spec: Extract<MetricSpec, { kind: 'top_values' }>,
  ctx: ExprContext,
  input: CompileInput,
): CompiledQuery[] {
  const v = columnValue(spec.column, ctx);
  const where = filterOf(spec.where, ctx, ...topValueFilter(v));
  const truncated = (s: QueryState) => void s.results.set(key, { ok: true, value: { top: [], truncated: true } satisfies TopValuesValue });
  let prefixDistinct = 0;
  const prefix: Select = {
    t: 'select',
    columns: [{ expr: v.sql, alias: 'value' }],
    from: input.from,
    ...(where && { where }),
    limit: PREFIX_FACTOR * (spec.maxDistinct + 1),
  };
  // Without window functions (ClickHouse 18.16) the group count is its own query over the same
  // GROUP BY, run only when the prefix did not already show too many values.
  const windowless = input.dialect.gaps.includes('window');
  const grouped = groupKey(input, v.sql, v.kind);
  const order: SqlExpr = v.kind === 'string' ? { t: 'binary_collate', arg: v.sql } : grouped;
  let groups = 0;
  const groupCount: CompiledQuery = {
    label: `distinct values of ${spec.column}`,
    keys: [key],
    select: {
      t: 'select',
      columns: [{ expr: countStar(), alias: 'd' }],
      from: {
        t: 'subquery',
        alias: 'g',
        query: { t: 'select', columns: [{ expr: grouped, alias: 'value' }], from: input.from, ...(where && { where }), groupBy: [grouped] },
      },
    },
    runIf: () => prefixDistinct <= spec.maxDistinct,
    apply(rows) {
      groups = n(rows[0]?.d);
    },
  };
  // A boolean stored as a number (ClickHouse's UInt8) is reported as the boolean it is.
  const valueOf = (x: unknown) => (v.kind === 'bool' && typeof x === 'number' ? x !== 0 : (x as string | number | boolean));
  return [
    ...(windowless ? [groupCount] : []),
    {
      label: `distinct values of ${spec.column} in its first rows`,
      keys: [key],
      select: {
        t: 'select',
        columns: [{ expr: fn('count_distinct', [col('value')]), alias: 'd' }],
        from: { t: 'subquery', query: prefix, alias: 'p' },
      },
      apply(rows) {
        prefixDistinct = n(rows[0]?.d);
      },
    },
    {
      label: `top ${spec.k} values of ${spec.column}`,
      keys: [key],
      select: {
        t: 'select',
        // Aliases of our own prefix: in PostgreSQL, ORDER BY "n" means an output column named n
        // before an input column, so a data column called `n` or `value` was ordered by its count.
        columns: [
          { expr: grouped, alias: '__dc_value' },
          { expr: countStar(), alias: '__dc_count' },
          ...(windowless ? [] : [{ expr: { t: 'window_count', partition: [] } as SqlExpr, alias: '__dc_distinct' }]),
        ],
        from: input.from,
        ...(where && { where }),
        groupBy: [grouped],
        orderBy: [{ expr: countStar(), desc: true }, { expr: order }],
        limit: spec.k,
      },
      runIf: () => prefixDistinct <= spec.maxDistinct,
      onSkip: truncated,
      apply(rows, s) {
        const distinct = windowless ? groups : n(rows[0]?.__dc_distinct);
        if (distinct > spec.maxDistinct) return truncated(s);
        const top = rows.map((r) => ({ value: valueOf(r.__dc_value), count: n(r.__dc_count) }));
        s.results.set(key, { ok: true, value: { top, distinct, truncated: false } satisfies TopValuesValue });
      },
    },
  ];
}

/**
 * Shannon entropy in bits, computed where the data is: the non-null count n comes from the
 * aggregate query, then one grouped query sums c * ln(c / n) over the values' counts c, so no value
 * list reaches JavaScript whatever the column's cardinality. H = -sum / (n ln 2). Each term is a
 * log of a share (not ln c - ln n), so a column of one value gives exactly 0, as in the Arrow engine.
 */
export function entropy(
  key: string,
  spec: Extract<MetricSpec, { kind: 'entropy' }>,
  ctx: ExprContext,
  input: CompileInput,
  alias: (part: string) => string,
): CompiledQuery {
  const v = columnValue(spec.column, ctx);
  const total = (s: QueryState) => n(s.aggregate[alias('entropy_n')]);
  return {
    label: `entropy of ${spec.column}`,
    keys: [key],
    select(s) {
      const counts: Select = {
        t: 'select',
        columns: [{ expr: countStar(), alias: 'c' }],
        from: input.from,
        where: filterOf(spec.where, ctx, ...topValueFilter(v)),
        groupBy: [v.sql],
      };
      const share: SqlExpr = {
        t: 'bin',
        op: '/',
        left: { t: 'cast', arg: col('c'), type: 'double' },
        right: { t: 'num', value: total(s) },
      };
      return {
        t: 'select',
        columns: [{ expr: fn('sum', [{ t: 'bin', op: '*', left: col('c'), right: fn('ln', [share]) }]), alias: 's' }],
        from: { t: 'subquery', query: counts, alias: 'e' },
      };
    },
    runIf: (s) => total(s) > 0,
    onSkip: (s) => void s.results.set(key, { ok: true, value: null }),
    apply(rows, s) {
      const h = -n(rows[0]?.s) / (total(s) * Math.LN2);
      s.results.set(key, { ok: true, value: h === 0 ? 0 : h });
    },
  };
}
