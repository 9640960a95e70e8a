import type { Select, SelectItem } from './ast.js';
import { col, isNull } from './ast.js';
import type { CompiledPlan } from './compile-plan.js';
import { DIALECTS } from './dialects/index.js';
import { renderSelect } from './render.js';
import type { SqlTarget } from './sql-engine.js';
import type { SqlRelation } from './sql-connection.js';

/**
 * Planned full scans (queries other than failing-row samples, which stop at their LIMIT) from
 * which a CSV's typed view is read once into a temporary table. Every query on the view parses the
 * whole file again (datacheck's parse rules, then the casts), and DuckDB re-evaluates a parsed
 * column for each aggregate that reads it. Measured on the bench's 5M-row CSV (377 MiB, load 4.5-5.6):
 * - two scans (aggregate + duplicates): 5.9-6.0 s + 5.7 s on the view, against 2.8 s for the
 *   table + 0.5 s + 2.0 s on it; peak RSS 1.27 GiB -> 1.66 GiB (the table is in memory);
 * - one scan (the aggregate alone): 4.0-4.9 s on the view, 2.8 s + 0.15 s with the table, but peak
 *   RSS 0.29 GiB -> 0.82 GiB. The view streams (its peak does not grow with the file), so a run with
 *   a single scan keeps it: a quarter of the time is not worth a peak that grows with the data.
 * The table is bounded by DuckDB's memory limit (src/prepare/memory-setting.ts) and spills to the
 * connection's private temp directory beyond it.
 */
export const MATERIALIZE_MIN_SCANS = 2;

/** The typed view read once into a table of the connection, and how to free it. */
export interface MaterializedView {
  relation: SqlRelation;
  drop(): Promise<void>;
}

/**
 * Reads the typed view of a text source into a temporary table when the plan queries it often
 * enough to pay (MATERIALIZE_MIN_SCANS) and the connection can hold one (DuckDB's file scanner).
 * The table keeps the view's rows in the file's order (DuckDB preserves insertion order), so the
 * row numbers samples report are the same as on the view. Undefined: query the view itself.
 */
export async function materializeView(target: SqlTarget, plan: CompiledPlan): Promise<MaterializedView | undefined> {
  const { view, connection } = target;
  if (view?.from.t !== 'subquery' || !connection.materialize) return undefined;
  const scans = plan.queries.filter((q) => !q.bounded).length;
  if (scans < MATERIALIZE_MIN_SCANS) return undefined;
  return connection.materialize(renderSelect(keptColumns(view), DIALECTS[connection.dialect]));
}

/**
 * The view's columns as the table keeps them: a column's raw text only where its typed value is
 * null. The compiled queries read raw text only there (a value that did not parse: typed null, raw
 * present; its sample shows the text), and keeping all of it doubled the table (5M-row CSV: peak
 * RSS 1.98 GiB with every raw value, against 1.27 GiB for the queries on the view).
 */
function keptColumns(view: NonNullable<SqlTarget['view']>): Select {
  const columns: SelectItem[] = [];
  for (const { name } of view.columns) {
    columns.push({ expr: col(name), alias: name });
    const raw = view.rawColumns.get(name);
    if (raw !== undefined) columns.push({ expr: { t: 'case', whens: [[isNull(col(name)), col(raw)]] }, alias: raw });
  }
  return { t: 'select', columns, from: view.from };
}
