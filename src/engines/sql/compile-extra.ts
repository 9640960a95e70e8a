import type {
  FailingRow,
  FailuresValue,
  HistogramValue,
  MetricResults,
  MetricSpec,
  PlannedMetric,
  TopValuesValue,
} from '../../model/metric.js';
import type { From, Select, SqlExpr } from './ast.js';
import { and, bin, col, countStar, fn, isNull, not, num, param } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import type { CompiledQuery, QueryState } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, columnValue, compilePredicate } from './compile-expr.js';
import type { CompileInput } from './compile-plan.js';
import { consideredFilter, filterOf } from './compile-plan.js';
import { missingColumn, numericValue } from './metric-values.js';
import { sampleRow } from './sample-rows.js';

/** The row number column the sample queries add: 1-based position in the relation's scan order. */
export const ROW = '__dc_row';

type Add = (part: string, expr: SqlExpr) => string;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The relation with a row number, computed before any filter so numbers are dataset rows. */
function numbered(from: From, alias = 'n'): From {
  return { t: 'subquery', alias, query: { t: 'select', columns: '*', extra: [{ expr: { t: 'row_number' }, alias: ROW }], from } };
}

function failures(results: MetricResults, key: string): FailuresValue | undefined {
  const r = results.get(key);
  return r?.ok ? (r.value as FailuresValue) : undefined;
}

/** A bounded, deterministic sample of failing rows that fills an existing FailuresValue. */
function sampleQuery(
  key: string,
  label: string,
  from: From,
  where: SqlExpr | undefined,
  size: number,
  kinds: ColumnKinds,
  hidden: Set<string>,
  pick?: readonly string[],
  ordered = false,
): CompiledQuery {
  return {
    label,
    keys: [key],
    select: { t: 'select', columns: '*', from, ...(where && { where }), ...(!ordered && { orderBy: [{ expr: col(ROW) }] }), limit: size },
    runIf: (s) => size > 0 && (failures(s.results, key)?.failed ?? 0) > 0,
    apply(rows, s) {
      const f = failures(s.results, key);
      if (f) f.sample = rows.map((r) => sampleRow(r, kinds, hidden, pick));
    },
  };
}

export function compileExtraQueries(
  m: PlannedMetric,
  ctx: ExprContext,
  input: CompileInput,
  add: Add,
  alias: (part: string) => string,
): CompiledQuery[] {
  const spec = m.spec;
  const hidden = new Set([ROW, ...(input.rawColumns?.values() ?? [])]);
  switch (spec.kind) {
    case 'predicate_failures': {
      const considered = consideredFilter(spec, ctx, input.rawColumns);
      const failing = considered ? and(considered, not(compilePredicate(spec.predicate, ctx))) : not(compilePredicate(spec.predicate, ctx));
      return [
        sampleQuery(
          m.key,
          'failing-row sample',
          numbered(input.from),
          failing,
          spec.sampleSize,
          input.columns,
          hidden,
          input.sampleColumns,
          input.dialect.preservesScanOrder,
        ),
      ];
    }
    case 'parse_failures': {
      const raw = input.rawColumns?.get(spec.column);
      if (raw === undefined) return [];
      const q = sampleQuery(
        m.key,
        `values of ${spec.column} that did not parse`,
        numbered(input.from),
        and(isNull(col(raw), true), isNull(col(spec.column))),
        spec.sampleSize,
        input.columns,
        hidden,
        undefined,
        input.dialect.preservesScanOrder,
      );
      // The evidence is the text as written, like the Arrow path's parse failures.
      q.apply = (rows, s) => {
        const f = failures(s.results, m.key);
        if (f) f.sample = rows.map((r): FailingRow => ({ row: n(r[ROW]), values: { [spec.column]: r[raw] } }));
      };
      return [q];
    }
    case 'distinct_count':
      return spec.columns.length > 1 ? [compoundDistinct(m.key, spec, ctx, input)] : [];
    case 'duplicate_count':
      return duplicates(m.key, spec, ctx, input, alias, hidden);
    case 'histogram':
      return [histogram(m.key, spec, ctx, input, alias)];
    case 'top_values':
      return topValues(m.key, spec, ctx, input);
    case 'orphan_count':
      return orphans(m.key, spec, ctx, input, hidden);
    default:
      void add;
      return [];
  }
}

function keyColumns(columns: string[], ctx: ExprContext): SqlExpr[] {
  return columns.map((c) => {
    if (!ctx.columns.has(c)) throw missingColumn(c, ctx);
    return col(c);
  });
}

function compoundDistinct(
  key: string,
  spec: Extract<MetricSpec, { kind: 'distinct_count' }>,
  ctx: ExprContext,
  input: CompileInput,
): CompiledQuery {
  const keys = keyColumns(spec.columns, ctx);
  const inner: Select = {
    t: 'select',
    columns: keys.map((k, i) => ({ expr: k, alias: `k${i}` })),
    from: input.from,
    where: filterOf(spec.where, ctx, ...keys.map((k) => isNull(k, true))),
    groupBy: keys,
  };
  return {
    label: `distinct (${spec.columns.join(', ')})`,
    keys: [key],
    select: { t: 'select', columns: [{ expr: countStar(), alias: 'distinct' }], from: { t: 'subquery', query: inner, alias: 'd' } },
    apply: (rows, s) => void s.results.set(key, { ok: true, value: n(rows[0]?.distinct) }),
  };
}

/**
 * Duplicate keys: rows considered come from the aggregate query; the failing rows from one window
 * query (a count per key, then the rows whose key occurs more than once, their total as a window
 * count and only the first few read back, whole: a person needs the row to find it). Measured on
 * 5M rows in DuckDB: 0.6-0.8 s, where a GROUP BY count was 0.85-2.2 s and a GROUP BY with first
 * and last rows 2.4 s.
 */
function duplicates(
  key: string,
  spec: Extract<MetricSpec, { kind: 'duplicate_count' }>,
  ctx: ExprContext,
  input: CompileInput,
  alias: (part: string) => string,
  hidden: Set<string>,
): CompiledQuery[] {
  const keys = keyColumns(spec.columns, ctx);
  const where = filterOf(spec.where, ctx, ...keys.map((k) => isNull(k, true)));
  const perKey: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'window_count', partition: keys }, alias: '__dc_n' }],
    from: numbered(input.from),
    ...(where && { where }),
  };
  const select: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'window_count', partition: [] }, alias: '__dc_failed' }],
    from: { t: 'subquery', query: perKey, alias: 'w' },
    where: bin('>', col('__dc_n'), num(1)),
    orderBy: [{ expr: col(ROW) }],
    limit: Math.max(1, spec.sampleSize),
  };
  return [
    {
      label: `duplicates of (${spec.columns.join(', ')})`,
      keys: [key],
      select,
      apply(rows, s) {
        const value: FailuresValue = {
          considered: n(s.aggregate[alias('keyed')]),
          failed: n(rows[0]?.__dc_failed),
          sample: rows
            .slice(0, spec.sampleSize)
            .map((r) => sampleRow(r, input.columns, new Set([...hidden, '__dc_n', '__dc_failed']), input.sampleColumns)),
        };
        s.results.set(key, { ok: true, value });
      },
    },
  ];
}

function histogram(
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
 * the limit, the GROUP BY whose group count (a window count over the groups) is the exact distinct
 * count. Measured on 5M rows: an exact count(DISTINCT email) in the aggregate query cost DuckDB
 * ~1 s and PostgreSQL ~10 s.
 */
function topValues(key: string, spec: Extract<MetricSpec, { kind: 'top_values' }>, ctx: ExprContext, input: CompileInput): CompiledQuery[] {
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
  const order: SqlExpr = v.kind === 'string' ? { t: 'binary_collate', arg: v.sql } : v.sql;
  return [
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
        columns: [
          { expr: v.sql, alias: 'value' },
          { expr: countStar(), alias: 'n' },
          { expr: { t: 'window_count', partition: [] }, alias: '__dc_distinct' },
        ],
        from: input.from,
        ...(where && { where }),
        groupBy: [v.sql],
        orderBy: [{ expr: countStar(), desc: true }, { expr: order }],
        limit: spec.k,
      },
      runIf: () => prefixDistinct <= spec.maxDistinct,
      onSkip: truncated,
      apply(rows, s) {
        const distinct = n(rows[0]?.__dc_distinct);
        if (distinct > spec.maxDistinct) return truncated(s);
        const top = rows.map((r) => ({ value: r.value as string | number | boolean, count: n(r.n) }));
        s.results.set(key, { ok: true, value: { top, distinct, truncated: false } satisfies TopValuesValue });
      },
    },
  ];
}

function orphans(
  key: string,
  spec: Extract<MetricSpec, { kind: 'orphan_count' }>,
  ctx: ExprContext,
  input: CompileInput,
  hidden: Set<string>,
): CompiledQuery[] {
  const ref = input.references?.get(spec.ref.dataset);
  if (!ref) throw new SqlUnsupported(`'${spec.ref.dataset}' is not readable on the same connection`);
  if (spec.columns.length !== 1 || spec.ref.columns.length !== 1)
    throw new SqlUnsupported('references over several columns are not supported');
  const [column] = spec.columns;
  const [refColumn] = spec.ref.columns;
  if (!ctx.columns.has(column)) throw missingColumn(column, ctx);
  if (!ref.columns.has(refColumn)) throw missingColumn(refColumn, { ...ctx, columns: ref.columns });
  const local = col(column, 't');
  const lookup: Select = {
    t: 'select',
    columns: [{ expr: num(1), alias: 'one' }],
    from: { ...ref.from, alias: 'r' } as From,
    where: bin('=', col(refColumn, 'r'), local),
  };
  const orphan: SqlExpr = { t: 'exists', query: lookup, negate: true };
  const present = isNull(local, true);
  const count: CompiledQuery = {
    label: `${column} values missing from ${spec.ref.dataset}.${refColumn}`,
    keys: [key],
    select: {
      t: 'select',
      columns: [
        { expr: countStar(), alias: 'considered' },
        { expr: countStar(orphan), alias: 'failed' },
      ],
      from: { ...input.from, alias: 't' } as From,
      where: present,
    },
    apply: (rows, s) =>
      void s.results.set(key, { ok: true, value: { considered: n(rows[0]?.considered), failed: n(rows[0]?.failed), sample: [] } }),
  };
  return [
    count,
    sampleQuery(
      key,
      `rows of ${column} missing from ${spec.ref.dataset}`,
      numbered(input.from, 't'),
      and(present, orphan),
      spec.sampleSize,
      input.columns,
      hidden,
      input.sampleColumns,
      input.dialect.preservesScanOrder,
    ),
  ];
}
