import type { FailingRow, FailuresValue, MetricSpec, PlannedMetric } from '../../model/metric.js';
import type { From, Select, SqlExpr } from './ast.js';
import { and, bin, col, countStar, isNull, not, num } from './ast.js';
import type { CompiledQuery } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, compilePredicate } from './compile-expr.js';
import type { CompileInput } from './compile-input.js';
import { consideredFilter, filterOf, keyColumns, refuseGap } from './compile-input.js';
import { duplicates } from './compile-duplicates.js';
import { ROW, failures, n, numbered, sampleQuery, unorderedSample } from './sample-query.js';
import { missingColumn } from './metric-values.js';
import { entropy, histogram, topValues } from './compile-profile-queries.js';
import { keySetQuery } from './compile-key-set.js';
import { sampleRow } from './sample-rows.js';
import { piiCandidates } from './compile-pii.js';

type Add = (part: string, expr: SqlExpr) => string;
import { DatacheckError } from '../../model/issue.js';

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
    case 'entropy':
      return [entropy(m.key, spec, ctx, input, alias)];
    case 'orphan_count':
      return orphans(m.key, spec, ctx, input, hidden);
    case 'order_violations':
      return [orderViolations(m.key, spec, ctx, input, alias, hidden)];
    case 'sql_scalar':
      return [sqlScalar(m.key, spec, input)];
    case 'pii_findings':
      return [piiCandidates(m.key, spec, ctx, input, alias, numbered(input))];
    case 'key_set':
      return [keySetQuery(m.key, spec, ctx, input)];
    default:
      void add;
      return [];
  }
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

const PREV = '__dc_prev';

/**
 * Values out of order: each considered row beside the one before it (`lag` over the row number,
 * after `where` and the nulls are left out), then the failing rows, their total as a window count
 * and the first few read back whole, as for duplicates. Only where a scan has an order, i.e. the
 * file order DuckDB keeps: a table in PostgreSQL or ClickHouse has none that a query can name.
 */
function orderViolations(
  key: string,
  spec: Extract<MetricSpec, { kind: 'order_violations' }>,
  ctx: ExprContext,
  input: CompileInput,
  alias: (part: string) => string,
  hidden: Set<string>,
): CompiledQuery {
  if (!input.dialect.dataRowOrder) {
    throw new SqlUnsupported(
      `${spec.direction} is judged in row order, and a ${input.dialect.name} table has no row order a query can rely on (only DuckDB keeps file and insertion order)`,
    );
  }
  const kind = ctx.columns.get(spec.column);
  if (kind === undefined) throw missingColumn(spec.column, ctx);
  if (kind !== 'number' && kind !== 'float' && kind !== 'date' && kind !== 'timestamp') {
    throw new DatacheckError({
      code: 'metric.unsupported_type',
      message: `the order of '${spec.column}' needs a number, date or timestamp column`,
      expected: 'a number, date or timestamp column',
      found: kind,
    });
  }
  const where = filterOf(spec.where, ctx, isNull(col(spec.column), true));
  const paired: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'lag', arg: col(spec.column), orderBy: col(ROW) }, alias: PREV }],
    from: numbered(input),
    ...(where && { where }),
  };
  const op = spec.direction === 'increasing' ? (spec.strictly ? '>' : '>=') : spec.strictly ? '<' : '<=';
  const withPrev: ExprContext = { ...ctx, columns: new Map([...ctx.columns, [PREV, kind]]) };
  // The first row has no previous value: the comparison is null there, and NOT null is no failure.
  const inOrder = compilePredicate(
    { op: 'cmp', cmp: op, left: { op: 'col', name: spec.column }, right: { op: 'col', name: PREV } },
    withPrev,
  );
  const select: Select = {
    t: 'select',
    columns: '*',
    extra: [{ expr: { t: 'window_count', partition: [] }, alias: '__dc_failed' }],
    from: { t: 'subquery', query: paired, alias: 'w' },
    where: not(inOrder),
    orderBy: [{ expr: col(ROW) }],
    limit: Math.max(1, spec.sampleSize),
  };
  const shown = new Set([...hidden, PREV, '__dc_failed']);
  return {
    label: `${spec.direction} order of ${spec.column}`,
    keys: [key],
    select,
    apply(rows, s) {
      const value: FailuresValue = {
        considered: n(s.aggregate[alias('ordered')]),
        failed: n(rows[0]?.__dc_failed),
        sample: rows.slice(0, spec.sampleSize).map((r) => sampleRow(r, input.columns, shown, input.sampleColumns)),
      };
      s.results.set(key, { ok: true, value });
    },
  };
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
