import type { LogicalType } from '../../model/contract.js';
import { DatacheckError, isDatacheckError, type Issue } from '../../model/issue.js';
import { withDisplayPaths } from './drivers/duckdb-errors.js';
import type { MetricResults, PhysicalColumn, PlannedMetric } from '../../model/metric.js';
import type { From } from './ast.js';
import type { ColumnKinds } from './column-kinds.js';
import { kindOfType } from './column-kinds.js';
import type { CompiledPlan } from './compile-plan.js';
import { compilePlan } from './compile-plan.js';
import type { QueryState } from './compiled-query.js';
import type { Dialect } from './dialect.js';
import { DIALECTS } from './dialects/index.js';
import { renderSelect } from './render.js';
import type { SqlConnection, SqlQuery, SqlRelation } from './sql-connection.js';
import type { SqlTransfer } from '../engine.js';
import type { MaterializedView } from './materialize-view.js';
import { materializeView } from './materialize-view.js';
import { answersFromFooter } from './parquet-footer.js';

/** What the SQL engine reads: a relation on a live connection, possibly through a typed view. */
export interface SqlTarget {
  connection: SqlConnection;
  relation: SqlRelation;
  /** Text files read as VARCHAR: the typed view the metrics read, and each column's raw text column. */
  view?: { from: From; rawColumns: Map<string, string>; columns: PhysicalColumn[] };
}

/** What a dataset's SQL computation may be given besides its target. */
export interface SqlComputeOptions {
  /** Referenced datasets on the same connection (anti-joins for referential checks). */
  references?: Map<string, { from: From; columns: ColumnKinds }>;
  /** Counts the statements sent and rows read back (the run's, for `--debug` and the benchmark). */
  transfer?: SqlTransfer;
  /** The contract's columns: the only ones a failing-row sample may show. */
  sampleColumns?: readonly string[];
  /** The contract's column types, for a dialect whose booleans are stored as numbers (`uint8Booleans`). */
  declaredTypes?: ReadonlyMap<string, LogicalType>;
}

/** Issue codes that mean the dataset's data could not be read at all, whichever query met them. */
const DATASET_LEVEL = /^(csv|source|connection)\./;

export function kindsOf(columns: PhysicalColumn[], dialect?: Dialect): ColumnKinds {
  return new Map(columns.map((c) => [c.name, kindOfType(c.logical, { decimalNaN: dialect?.decimalNaN })]));
}

/**
 * Computes a dataset's metrics where the data lives: the schema from the catalog (no rows read),
 * every scalar metric in one aggregate query, then the few extra queries some metrics need. A
 * metric the dialect cannot express gets a `sql.unsupported` issue; a failed query gives its
 * metrics an `sql.query` issue; nothing is thrown for a single metric.
 */
export async function computeSqlMetrics(
  target: SqlTarget,
  metrics: PlannedMetric[],
  now: Date,
  options: SqlComputeOptions = {},
): Promise<MetricResults> {
  const described = target.view?.columns ?? (await describeRelation(target));
  const physical = withDeclaredBooleans(described, DIALECTS[target.connection.dialect], options.declaredTypes);
  // A Distributed ClickHouse table has no global row order: its samples carry no row number.
  const rowNumbers = target.view || !target.connection.rowOrder ? true : await target.connection.rowOrder(target.relation);
  const footer = target.view ? new Map() : await readFooter(target, metrics, physical, options.transfer);
  const scanned = footer.size === 0 ? metrics : metrics.filter((m) => !footer.has(m.key));
  let plan = compileFor(target, physical, scanned, now, options.references, options.sampleColumns, rowNumbers);
  for (const [k, v] of footer) plan.known.set(k, v);
  const materialized = await readViewOnce(target, plan, options.transfer);
  try {
    if (materialized && target.view) {
      const view = { ...target.view, from: { t: 'relation' as const, relation: materialized.relation } };
      plan = compileFor({ ...target, view }, physical, scanned, now, options.references, options.sampleColumns, rowNumbers);
    }
    return await runPlan(target, plan, physical, options);
  } finally {
    await materialized?.drop().catch(() => undefined);
  }
}

/** Metrics a Parquet footer answers (parquet-footer.ts); none when it cannot be read (the scan says why). */
async function readFooter(
  target: SqlTarget,
  metrics: PlannedMetric[],
  physical: PhysicalColumn[],
  transfer: SqlTransfer | undefined,
): Promise<MetricResults> {
  try {
    const started = performance.now();
    const answers = await answersFromFooter(target.connection, target.relation, metrics, physical);
    if (answers.size > 0 && process.env.DATACHECK_TRACE_SQL)
      process.stderr.write(`datacheck sql: Parquet footers (${answers.size} metrics): ${Math.round(performance.now() - started)} ms\n`);
    if (answers.size > 0 && transfer) {
      transfer.queries++;
      transfer.rows++;
    }
    return answers;
  } catch (e) {
    if (isDatacheckError(e) && e.issue.code === 'run.interrupted') throw e;
    return new Map();
  }
}

/**
 * The typed view materialised (materialize-view.ts), or undefined to query the view. A file that
 * cannot be read is the dataset's error, as from any query; any other failure (e.g. no room to
 * spill) leaves the queries on the view, which read the file as before.
 */
async function readViewOnce(
  target: SqlTarget,
  plan: CompiledPlan,
  transfer: SqlTransfer | undefined,
): Promise<MaterializedView | undefined> {
  const started = performance.now();
  try {
    const materialized = await materializeView(target, plan);
    if (materialized && process.env.DATACHECK_TRACE_SQL)
      process.stderr.write(`datacheck sql: typed view into a temporary table: ${Math.round(performance.now() - started)} ms\n`);
    if (materialized && transfer) transfer.queries++;
    return materialized;
  } catch (e) {
    const known = isDatacheckError(e) ? relabel(e.issue, target.relation) : undefined;
    if (known && (DATASET_LEVEL.test(known.code) || known.code === 'run.interrupted')) throw new DatacheckError(known);
    return undefined;
  }
}

async function runPlan(
  target: SqlTarget,
  plan: CompiledPlan,
  physical: PhysicalColumn[],
  options: SqlComputeOptions,
): Promise<MetricResults> {
  const results: MetricResults = new Map(plan.known);
  for (const key of plan.catalog) results.set(key, { ok: true, value: { columns: physical } });
  const state: QueryState = { results, aggregate: {} };
  for (const q of plan.queries) {
    if (q.keys.length > 0 && q.keys.every((k) => results.get(k)?.ok === false)) continue;
    if (q.runIf && !q.runIf(state)) {
      q.onSkip?.(state);
      continue;
    }
    let query: SqlQuery | undefined;
    try {
      query = renderSelect(typeof q.select === 'function' ? q.select(state) : q.select, DIALECTS[target.connection.dialect]);
      const started = performance.now();
      const rows = await target.connection.query(query);
      // DATACHECK_TRACE_SQL=1 prints each statement's time: where a slow run spends it; =sql also
      // prints the statement (values bound as parameters are not shown: they may be user data).
      if (process.env.DATACHECK_TRACE_SQL) {
        const text = process.env.DATACHECK_TRACE_SQL === 'sql' ? `\n${query.sql}\n` : '';
        process.stderr.write(`datacheck sql: ${q.label}: ${Math.round(performance.now() - started)} ms, ${rows.length} rows${text}\n`);
      }
      if (options.transfer) {
        options.transfer.queries++;
        options.transfer.rows += rows.length;
      }
      q.apply(rows, state);
    } catch (e) {
      // The data itself could not be read (a malformed CSV, a lost connection): one issue for the
      // dataset, raised once, rather than the same error repeated under every check.
      const known = isDatacheckError(e) ? relabel(e.issue, target.relation) : undefined;
      if (known && DATASET_LEVEL.test(known.code)) throw new DatacheckError(known);
      const cause = known ?? { code: 'sql.query', message: (e as Error)?.message ?? String(e) };
      const issue: Issue = {
        ...cause,
        code: cause.code === 'sql.error' ? 'sql.query' : cause.code,
        message: `the ${q.label} query failed: ${cause.message}`,
      };
      for (const k of q.keys) results.set(k, { ok: false, issue });
    }
  }
  return results;
}

/**
 * ClickHouse 18.16 has no Bool type: its booleans are UInt8 0/1 (what its own comparisons return).
 * A UInt8 column the contract declares boolean is read as a boolean (a condition; min/max refused
 * as for any boolean; samples and top values show true/false); any other UInt8 stays a number.
 */
function withDeclaredBooleans(
  columns: PhysicalColumn[],
  dialect: Dialect,
  declared: ReadonlyMap<string, LogicalType> | undefined,
): PhysicalColumn[] {
  if (!dialect.uint8Booleans || !declared) return columns;
  return columns.map((c) => {
    const isUint8 = c.logical?.type === 'int' && c.logical.bits === 8 && !c.logical.signed;
    return isUint8 && declared.get(c.name)?.type === 'bool' ? { ...c, logical: { type: 'bool' } } : c;
  });
}

async function describeRelation(target: SqlTarget): Promise<PhysicalColumn[]> {
  try {
    return await target.connection.describe(target.relation);
  } catch (e) {
    throw isDatacheckError(e) ? new DatacheckError(relabel(e.issue, target.relation)) : e;
  }
}

/** An issue about one of the relation's files, with the file named as users know it. */
export function relabel(issue: Issue, relation: SqlRelation): Issue {
  return relation.kind === 'files' ? withDisplayPaths(issue, relation.paths, relation.display) : issue;
}

export function compileFor(
  target: Pick<SqlTarget, 'connection' | 'relation' | 'view'>,
  physical: PhysicalColumn[],
  metrics: PlannedMetric[],
  now: Date,
  references?: SqlComputeOptions['references'],
  sampleColumns?: readonly string[],
  rowNumbers = true,
): CompiledPlan {
  return compilePlan({
    dialect: DIALECTS[target.connection.dialect],
    from: target.view?.from ?? { t: 'relation', relation: target.relation },
    columns: kindsOf(physical, DIALECTS[target.connection.dialect]),
    metrics,
    nowMs: now.getTime(),
    ...(target.view && { rawColumns: target.view.rawColumns }),
    ...(references && { references }),
    ...(sampleColumns && { sampleColumns }),
    ...(!rowNumbers && { rowNumbers }),
  });
}
