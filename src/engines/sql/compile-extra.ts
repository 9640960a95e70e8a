import type { FailingRow, FailuresValue, MetricResults, MetricSpec, PlannedMetric } from '../../model/metric.js';
import type { From, Select, SelectItem, SqlExpr } from './ast.js';
import { and, bin, col, countStar, fn, isNull, not, num } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import type { CompiledQuery } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, compilePredicate } from './compile-expr.js';
import type { CompileInput } from './compile-input.js';
import { consideredFilter, filterOf, groupKey, refuseGap } from './compile-input.js';
import { missingColumn } from './metric-values.js';
import { histogram, topValues } from './compile-profile-queries.js';
import { sampleRow } from './sample-rows.js';
import { piiCandidates } from './compile-pii.js';

/** The row number column the sample queries add: 1-based position in the relation's scan order. */
export const ROW = '__dc_row';

type Add = (part: string, expr: SqlExpr) => string;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The relation with a row number, computed before any filter so numbers are dataset rows; as it
 * is where it has no one row order (`rowNumbers: false`), for samples without numbers.
 */
function numbered(input: CompileInput, alias = 'n'): From {
  const from = input.from;
  if (input.rowNumbers === false) return { t: 'subquery', alias, query: { t: 'select', columns: '*', from } };
  return { t: 'subquery', alias, query: { t: 'select', columns: '*', extra: [{ expr: { t: 'row_number' }, alias: ROW }], from } };
}

/** Whether a sample query goes without ORDER BY: scan order is kept, or there is no row number to order by. */
function unorderedSample(input: CompileInput): boolean {
  return input.dialect.preservesScanOrder === true || input.rowNumbers === false;
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
          numbered(input),
          failing,
          spec.sampleSize,
          input.columns,
          hidden,
          input.sampleColumns,
          unorderedSample(input),
        ),
      ];
    }
    case 'parse_failures': {
      const raw = input.rawColumns?.get(spec.column);
      if (raw === undefined) return [];
      const q = sampleQuery(
        m.key,
        `values of ${spec.column} that did not parse`,
        numbered(input),
        and(isNull(col(raw), true), isNull(col(spec.column))),
        spec.sampleSize,
        input.columns,
        hidden,
        undefined,
        unorderedSample(input),
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
    case 'sql_scalar':
      return [sqlScalar(m.key, spec, input)];
    case 'pii_findings':
      return [piiCandidates(m.key, spec, ctx, input, alias, numbered(input))];
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
  if (input.dialect.gaps.includes('window')) return groupedDuplicates(key, spec, input, alias, hidden, keys, where);
  const perKey: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'window_count', partition: keys }, alias: '__dc_n' }],
    from: numbered(input),
    ...(where && { where }),
  };
  const select: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'window_count', partition: [] }, alias: '__dc_failed' }],
    from: { t: 'subquery', query: perKey, alias: 'w' },
    where: bin('>', col('__dc_n'), num(1)),
    ...(input.rowNumbers !== false && { orderBy: [{ expr: col(ROW) }] }),
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

/**
 * Duplicate keys without window functions (ClickHouse 18.16): the keys that occur more than once
 * by GROUP BY ... HAVING, their row counts summed for the failing rows; the sample is the first
 * rows whose key is in that key set (`IN (SELECT ...)`, GLOBAL IN on ClickHouse, so every shard
 * of a Distributed table tests against the keys of the whole table, not only its own).
 */
function groupedDuplicates(
  key: string,
  spec: Extract<MetricSpec, { kind: 'duplicate_count' }>,
  input: CompileInput,
  alias: (part: string) => string,
  hidden: Set<string>,
  keys: SqlExpr[],
  where: SqlExpr | undefined,
): CompiledQuery[] {
  const grouped = keys.map((k, i) => groupKey(input, k, input.columns.get(spec.columns[i])));
  const duplicateKeys = (columns: SelectItem[]): Select => ({
    t: 'select',
    columns,
    from: input.from,
    ...(where && { where }),
    groupBy: grouped,
    having: bin('>', countStar(), num(1)),
  });
  const count: CompiledQuery = {
    label: `duplicates of (${spec.columns.join(', ')})`,
    keys: [key],
    select: {
      t: 'select',
      columns: [{ expr: fn('sum', [col('__dc_n')]), alias: 'failed' }],
      from: { t: 'subquery', query: duplicateKeys([{ expr: countStar(), alias: '__dc_n' }]), alias: 'd' },
    },
    apply: (rows, s) =>
      void s.results.set(key, { ok: true, value: { considered: n(s.aggregate[alias('keyed')]), failed: n(rows[0]?.failed), sample: [] } }),
  };
  const inDuplicates: SqlExpr = {
    t: 'in_select',
    args: grouped,
    query: duplicateKeys(grouped.map((k, i) => ({ expr: k, alias: `__dc_k${i}` }))),
  };
  // The filter and the key test at two levels: in one WHERE, 18.16's three-valued AND (the
  // dialect's logic hook) would repeat the subquery in each branch and run it twice.
  const considered: From = where
    ? { t: 'subquery', alias: 'c', query: { t: 'select', columns: '*', from: numbered(input), where } }
    : numbered(input);
  const sample = sampleQuery(
    key,
    `rows of duplicate (${spec.columns.join(', ')})`,
    considered,
    inDuplicates,
    spec.sampleSize,
    input.columns,
    hidden,
    input.sampleColumns,
    unorderedSample(input),
  );
  return [count, sample];
}

function orphans(
  key: string,
  spec: Extract<MetricSpec, { kind: 'orphan_count' }>,
  ctx: ExprContext,
  input: CompileInput,
  hidden: Set<string>,
): CompiledQuery[] {
  refuseGap(input, 'correlated_subquery', 'orphans are counted with a correlated NOT EXISTS, and');
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
      numbered(input, 't'),
      and(present, orphan),
      spec.sampleSize,
      input.columns,
      hidden,
      input.sampleColumns,
      unorderedSample(input),
    ),
  ];
}

/** `{model}`, `{table}`, `${table}`, `{object}`, `${object}`: the placeholders ODCS tools put in SQL rules for the dataset. */
const PLACEHOLDER = /\$?\{(?:model|table|object|schema)\}/g;

/**
 * A user's SQL rule, run as written with the dataset visible under its name: the relation (a
 * table, the typed view of a CSV, files) becomes a CTE named after the dataset, so
 * `SELECT MIN(amount) FROM orders` reads what the contract reads. The query is wrapped, never
 * edited beyond its placeholders and a trailing semicolon; the connection stays read-only.
 */
function sqlScalar(key: string, spec: Extract<MetricSpec, { kind: 'sql_scalar' }>, input: CompileInput): CompiledQuery {
  const quoted = input.dialect.quoteIdent(spec.table);
  const sql = spec.query.trim().replace(/;\s*$/, '').replace(PLACEHOLDER, quoted);
  return {
    label: `SQL rule (${spec.query.trim().slice(0, 60)})`,
    keys: [key],
    select: {
      t: 'select',
      with: [{ name: spec.table, query: { t: 'select', columns: '*', from: input.from } }],
      columns: '*',
      from: { t: 'relation', relation: { kind: 'query', sql }, alias: 'rule' },
      limit: 1,
    },
    apply(rows, s) {
      const first = rows[0] ? Object.values(rows[0])[0] : null;
      s.results.set(key, {
        ok: true,
        value: typeof first === 'number' || typeof first === 'string' || first === null ? first : String(first),
      });
    },
  };
}
