import type { Expr } from '../../model/expr.js';
import type { Issue } from '../../model/issue.js';
import { isDatacheckError } from '../../model/issue.js';
import type {
  Approximation,
  ApproxDistinctValue,
  ApproxQuantilesValue,
  FailuresValue,
  LengthStatsValue,
  MetricOutcome,
  MetricResults,
  MetricSpec,
} from '../../model/metric.js';
import { topValueFilter } from './compile-profile-queries.js';
import type { SelectItem, SqlExpr } from './ast.js';
import { and, col, countStar, fn, isNull, not } from './ast.js';
import type { CompiledQuery } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, columnValue, compilePredicate } from './compile-expr.js';
import { compileExtraQueries } from './compile-extra.js';
import { piiCounts } from './compile-pii.js';
import type { CompileInput } from './compile-input.js';
import { consideredFilter, filterOf } from './compile-input.js';
import type { Dialect } from './dialect.js';
import { missingColumn, numericValue, orderedValue } from './metric-values.js';

export interface CompiledPlan {
  queries: CompiledQuery[];
  /** Outcomes known without a query: metrics the dialect cannot express, plan-time errors. */
  known: MetricResults;
  /** Metrics the engine answers itself (the schema, from the catalog). */
  catalog: string[];
}

/** A metric that could not be compiled: an issue for that metric only, the others go on. */
export function issueOf(e: unknown, spec: MetricSpec, dialect: Dialect): Issue {
  if (e instanceof SqlUnsupported) {
    return { code: 'sql.unsupported', message: `${spec.kind} cannot be pushed down to ${dialect.name}: ${e.message}`, found: spec.kind };
  }
  if (isDatacheckError(e)) return { ...e.issue };
  return { code: 'engine.internal', message: `compiling ${spec.kind} failed: ${(e as Error)?.message ?? String(e)}` };
}

/**
 * Compiles a dataset's metric plan: one aggregate SELECT for every scalar metric (each with its
 * own FILTER for its `where`), plus the few extra queries some metrics need.
 */
export function compilePlan(input: CompileInput): CompiledPlan {
  const known: MetricResults = new Map();
  const catalog: string[] = [];
  const items: SelectItem[] = [];
  const decoders: ((row: Record<string, unknown>, results: MetricResults) => void)[] = [];
  const aggKeys: string[] = [];
  const ctx: ExprContext = { dialect: input.dialect, columns: input.columns, nowMs: input.nowMs };
  const extra: CompiledQuery[] = [];
  // Equal aggregates (count(*) for several metrics, the same filter twice) are computed once.
  const byExpr = new Map<string, string>();

  input.metrics.forEach((m, index) => {
    if (m.spec.kind === 'schema') {
      catalog.push(m.key);
      return;
    }
    try {
      const alias = (part: string) => `m${index}_${part}`;
      const actual = new Map<string, string>();
      const add = (part: string, expr: SqlExpr) => {
        let name = byExpr.get(JSON.stringify(expr));
        if (!name) {
          name = alias(part);
          items.push({ expr, alias: name });
          byExpr.set(JSON.stringify(expr), name);
        }
        actual.set(part, name);
        return name;
      };
      const scalar = scalarMetric(m.spec, ctx, input, add);
      if (scalar) {
        aggKeys.push(m.key);
        decoders.push((row, results) =>
          results.set(
            m.key,
            safeDecode(() => scalar(row), m.spec, input.dialect),
          ),
        );
      }
      extra.push(...compileExtraQueries(m, ctx, input, add, (part) => actual.get(part) ?? alias(part)));
    } catch (e) {
      known.set(m.key, { ok: false, issue: issueOf(e, m.spec, input.dialect) });
    }
  });

  const queries: CompiledQuery[] = [];
  if (items.length > 0) {
    queries.push({
      label: 'aggregate',
      keys: aggKeys,
      select: { t: 'select', columns: items, from: input.from },
      apply(rows, state) {
        state.aggregate = rows[0] ?? {};
        for (const d of decoders) d(state.aggregate, state.results);
      },
    });
  }
  return { queries: [...queries, ...extra], known, catalog };
}

function safeDecode(f: () => unknown, spec: MetricSpec, dialect: Dialect): MetricOutcome {
  try {
    return { ok: true, value: f() as never };
  } catch (e) {
    return { ok: false, issue: issueOf(e, spec, dialect) };
  }
}

type Add = (part: string, expr: SqlExpr) => string;
type Decode = (row: Record<string, unknown>) => unknown;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** What an approximate metric reports where the dialect has no approximation: the exact answer. */
const EXACT: Approximation = { method: 'exact', error: 0 };

/** The aggregate-query items of a scalar metric and the decoder of its value; undefined for metrics answered elsewhere. */
function scalarMetric(spec: MetricSpec, ctx: ExprContext, input: CompileInput, add: Add): Decode | undefined {
  switch (spec.kind) {
    case 'row_count': {
      const a = add('rows', countStar(filterOf(spec.where, ctx)));
      return (row) => n(row[a]);
    }
    case 'null_count': {
      if (!ctx.columns.has(spec.column)) throw missingColumn(spec.column, ctx);
      const a = add('nulls', countStar(filterOf(spec.where, ctx, isNull(col(spec.column)))));
      return (row) => n(row[a]);
    }
    case 'min':
    case 'max': {
      const v = orderedValue(spec.column, spec.kind, ctx);
      const a = add(spec.kind, fn(spec.kind, [v.expr], filterOf(spec.where, ctx, ...v.keep)));
      return (row) => (row[a] === undefined ? null : (row[a] as number | string | null));
    }
    case 'moments': {
      const v = numericValue(spec.column, 'moments', ctx);
      const f = filterOf(spec.where, ctx, ...v.keep);
      const count = add('count', countStar(f));
      const sum = add('sum', fn('sum', [v.expr], f));
      const mean = add('mean', fn('avg', [v.expr], f));
      const variance = add('var', fn('var_samp', [v.expr], f));
      return (row) => {
        const c = n(row[count]);
        if (c === 0) return { count: 0, sum: 0, mean: 0, m2: 0 };
        return { count: c, sum: Number(row[sum]), mean: Number(row[mean]), m2: c < 2 ? 0 : Number(row[variance]) * (c - 1) };
      };
    }
    case 'quantiles': {
      if (input.dialect.gaps.includes('exact_quantile'))
        throw new SqlUnsupported(`${input.dialect.name} has no exact quantile aggregate (only approximate ones)`);
      const v = numericValue(spec.column, 'quantiles', ctx);
      const f = filterOf(spec.where, ctx, ...v.keep);
      const aliases = spec.probs.map((p, i) =>
        add(`q${i}`, fn('quantile_cont', [v.expr, { t: 'num', value: Math.min(Math.max(p, 0), 1) }], f)),
      );
      return (row) => (aliases.some((a) => row[a] === null || row[a] === undefined) ? [] : aliases.map((a) => Number(row[a])));
    }
    case 'distinct_count': {
      if (spec.columns.length !== 1) return undefined;
      const [c] = spec.columns;
      if (!ctx.columns.has(c)) throw missingColumn(c, ctx);
      if (ctx.columns.get(c) === 'float' && input.dialect.nanDistinctEach) {
        // NaN counts once, as in the Arrow engine: the other values, plus one when any NaN is there.
        const nan = fn('is_nan', [col(c)]);
        const a = add('distinct', fn('count_distinct', [col(c)], filterOf(spec.where, ctx, not(nan))));
        const b = add('nans', countStar(filterOf(spec.where, ctx, nan)));
        return (row) => n(row[a]) + (n(row[b]) > 0 ? 1 : 0);
      }
      const a = add('distinct', fn('count_distinct', [col(c)], filterOf(spec.where, ctx)));
      return (row) => n(row[a]);
    }
    case 'duplicate_count': {
      // Rows considered (a non-null key, passing `where`); the duplicates come from their own query.
      const keys = spec.columns.map((c) => {
        if (!ctx.columns.has(c)) throw missingColumn(c, ctx);
        return isNull(col(c), true);
      });
      add('keyed', countStar(filterOf(spec.where, ctx, ...keys)));
      return undefined;
    }
    case 'value_count': {
      const value =
        typeof spec.value === 'bigint'
          ? Number.isSafeInteger(Number(spec.value))
            ? Number(spec.value)
            : spec.value.toString()
          : spec.value;
      const eq: Expr = { op: 'cmp', cmp: '=', left: { op: 'col', name: spec.column }, right: { op: 'lit', value } };
      const a = add('matches', countStar(filterOf(spec.where, ctx, compilePredicate(eq, ctx))));
      return (row) => n(row[a]);
    }
    case 'predicate_failures': {
      const considered = consideredFilter(spec, ctx, input.rawColumns);
      const pred = compilePredicate(spec.predicate, ctx);
      const c = add('considered', countStar(considered));
      const failed = add('failed', countStar(considered ? and(considered, not(pred)) : not(pred)));
      return (row): FailuresValue => ({ considered: n(row[c]), failed: n(row[failed]), sample: [] });
    }
    case 'pii_findings':
      piiCounts(spec, ctx, add);
      return undefined;
    case 'order_violations':
      // Rows considered; the failures come from their own window query (compile-extra.ts).
      if (!ctx.columns.has(spec.column)) throw missingColumn(spec.column, ctx);
      add('ordered', countStar(filterOf(spec.where, ctx, isNull(col(spec.column), true))));
      return undefined;
    case 'parse_failures': {
      if (!ctx.columns.has(spec.column)) throw missingColumn(spec.column, ctx);
      const c = add('rows', countStar());
      const raw = input.rawColumns?.get(spec.column);
      // Typed sources (Parquet, tables) hold values of their own type: nothing failed to parse.
      const failed = raw === undefined ? undefined : add('unparsed', countStar(and(isNull(col(raw), true), isNull(col(spec.column)))));
      return (row): FailuresValue => ({ considered: n(row[c]), failed: failed === undefined ? 0 : n(row[failed]), sample: [] });
    }
    case 'histogram': {
      const v = numericValue(spec.column, 'histogram', ctx);
      const f = filterOf(spec.where, ctx, ...v.keep);
      add('hmin', fn('min', [v.expr], f));
      add('hmax', fn('max', [v.expr], f));
      return undefined;
    }
    case 'length_stats': {
      const v = columnValue(spec.column, ctx);
      if (v.kind !== 'string') throw new SqlUnsupported(`length statistics need a string column, and '${spec.column}' is ${v.kind}`);
      const length = fn('length', [v.sql]);
      const f = filterOf(spec.where, ctx, isNull(v.sql, true));
      const count = add('lcount', countStar(f));
      const min = add('lmin', fn('min', [length], f));
      const max = add('lmax', fn('max', [length], f));
      const sum = add('lsum', fn('sum', [length], f));
      return (row): LengthStatsValue => {
        const c = n(row[count]);
        return c === 0 ? { count: 0, min: null, max: null, sum: 0 } : { count: c, min: n(row[min]), max: n(row[max]), sum: n(row[sum]) };
      };
    }
    case 'entropy': {
      // The values counted; the entropy itself comes from a grouped query (compile-extra.ts).
      const v = columnValue(spec.column, ctx);
      add('entropy_n', countStar(filterOf(spec.where, ctx, ...topValueFilter(v))));
      return undefined;
    }
    case 'approx_distinct_count': {
      const v = columnValue(spec.column, ctx);
      const approximation = input.dialect.approximate?.distinct ?? EXACT;
      const a = add(
        'approx_distinct',
        fn(
          approximation.method === 'exact' ? 'count_distinct' : 'approx_count_distinct',
          [v.sql],
          filterOf(spec.where, ctx, ...topValueFilter(v)),
        ),
      );
      return (row): ApproxDistinctValue => ({ estimate: n(row[a]), approximation });
    }
    case 'approx_quantiles': {
      const approximation = input.dialect.approximate?.quantile ?? EXACT;
      const v = numericValue(spec.column, 'approximate quantiles', ctx);
      const f = filterOf(spec.where, ctx, ...v.keep);
      const count = add('approx_qcount', countStar(f));
      const aliases = spec.probs.map((p, i) =>
        add(
          `aq${i}`,
          fn(
            approximation.method === 'exact' ? 'quantile_cont' : 'approx_quantile',
            [v.expr, { t: 'num', value: Math.min(Math.max(p, 0), 1) }],
            f,
          ),
        ),
      );
      return (row): ApproxQuantilesValue => ({
        values: n(row[count]) === 0 ? [] : aliases.map((a) => Number(row[a])),
        approximation,
      });
    }
    case 'top_values':
      // Its distinct count comes from its own queries (compile-profile-queries.ts): an exact count(DISTINCT)
      // here would hash every value of a key-like column just to learn it has too many.
      columnValue(spec.column, ctx);
      return undefined;
    default:
      return undefined;
  }
}
