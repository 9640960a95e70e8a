import type { FailuresValue, MetricResults } from '../../model/metric.js';
import type { From, SqlExpr } from './ast.js';
import { col } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import type { CompiledQuery } from './compiled-query.js';
import type { CompileInput } from './compile-input.js';
import { sampleRow } from './sample-rows.js';

/*
 * The pieces every failing-row sample query is built from (compile-extra.ts and
 * compile-duplicates.ts): the row number, whether the scan's order may stand in for it, and the
 * bounded sample query that fills a FailuresValue computed by another query.
 */

/** The row number column the sample queries add: 1-based position in the relation's scan order. */
export const ROW = '__dc_row';

/** A count read back from SQL (null, a bigint, a string) as a number; no row counts 0. */
export const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The relation with a row number, computed before any filter so numbers are dataset rows; as it
 * is where it has no one row order (`rowNumbers: false`), for samples without numbers.
 */
export function numbered(input: CompileInput, alias = 'n'): From {
  const from = input.from;
  if (input.rowNumbers === false) return { t: 'subquery', alias, query: { t: 'select', columns: '*', from } };
  return { t: 'subquery', alias, query: { t: 'select', columns: '*', extra: [{ expr: { t: 'row_number' }, alias: ROW }], from } };
}

/** Whether a sample query goes without ORDER BY: scan order is kept, or there is no row number to order by. */
export function unorderedSample(input: CompileInput): boolean {
  return input.dialect.preservesScanOrder === true || input.rowNumbers === false;
}

export function failures(results: MetricResults, key: string): FailuresValue | undefined {
  const r = results.get(key);
  return r?.ok ? (r.value as FailuresValue) : undefined;
}

/** A bounded, deterministic sample of failing rows that fills an existing FailuresValue. */
export function sampleQuery(
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
    bounded: true,
    runIf: (s) => size > 0 && (failures(s.results, key)?.failed ?? 0) > 0,
    apply(rows, s) {
      const f = failures(s.results, key);
      if (f) f.sample = rows.map((r) => sampleRow(r, kinds, hidden, pick));
    },
  };
}
