import { DIALECTS } from '../engines/sql/dialects/index.js';
import { renderSelect } from '../engines/sql/render.js';
import type { OpenedDataset, SqlTransfer } from '../engines/engine.js';
import { col, inList } from '../expr/build.js';
import type { ExprLiteral } from '../model/expr.js';
import type { Issue } from '../model/issue.js';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import type { ReferencePlan } from './plan-references.js';

type KeysPlan = Extract<ReferencePlan, { how: 'keys' }>;

/** The referenced column's distinct non-null keys, or why they cannot be read. */
export type FetchedKeys = { values: ExprLiteral[] } | { issue: Issue };

/**
 * Reads the distinct non-null keys of the referenced column once. In SQL: `SELECT k ... GROUP BY
 * k`, so only distinct keys travel; from files: the column is streamed batch by batch into a set,
 * so memory holds the distinct keys, never the referenced rows.
 */
export async function fetchKeys(plan: KeysPlan, opened: OpenedDataset, transfer?: SqlTransfer): Promise<FetchedKeys> {
  const column = plan.keyColumn;
  const unknown = (found: string[]): FetchedKeys => ({
    issue: {
      code: 'reference.unknown_column',
      message: `${opened.description} has no column '${column}'`,
      expected: column,
      found: found.join(', '),
    },
  });
  if (opened.sql) {
    const target = opened.sql;
    const columns = target.view?.columns ?? (await target.connection.describe(target.relation));
    if (!columns.some((c) => c.name === column)) return unknown(columns.map((c) => c.name));
    const ref = { t: 'col' as const, name: column };
    const query = renderSelect(
      {
        t: 'select',
        columns: [{ expr: ref, alias: 'k' }],
        from: target.view?.from ?? { t: 'relation', relation: target.relation },
        where: { t: 'is_null', arg: ref, negate: true },
        groupBy: [ref],
      },
      DIALECTS[target.connection.dialect],
    );
    const rows = await target.connection.query(query);
    if (transfer) {
      transfer.queries++;
      transfer.rows += rows.length;
    }
    return { values: rows.map((r) => r.k as ExprLiteral) };
  }
  const values = new Set<ExprLiteral>();
  for await (const { batch } of opened.batches()) {
    const vector = batch.getChild(column);
    if (!vector) return unknown(batch.schema.fields.map((f) => f.name));
    for (const v of vector) {
      if (v === null || v === undefined) continue;
      values.add(typeof v === 'bigint' ? Number(v) : (v as ExprLiteral));
    }
  }
  return { values: [...values] };
}

/**
 * PostgreSQL binds at most 65,535 parameters per statement; keys checked there travel as bound
 * values, so past this many the check says so instead of failing with the server's error.
 */
export const POSTGRES_MAX_BOUND_KEYS = 65_000;

/** Why fetched keys cannot be checked where the referencing rows are, if they cannot. */
export function keysTooMany(plan: KeysPlan, count: number): Issue | undefined {
  if (plan.checkedIn !== 'postgres' || count <= POSTGRES_MAX_BOUND_KEYS) return undefined;
  return {
    code: 'reference.too_many_keys',
    message: `${plan.dataset}.${plan.keyColumn} has ${count} distinct keys, more than the ${POSTGRES_MAX_BOUND_KEYS} a PostgreSQL query can be sent as bound values`,
    expected: `at most ${POSTGRES_MAX_BOUND_KEYS} keys, or both datasets on one connection`,
    found: `${count} keys`,
    hint: 'put the referenced data on the same PostgreSQL connection: the reference then becomes an anti-join there',
  };
}

/**
 * The planned orphan metric with its fetched keys bound: rows whose column is not among the keys,
 * counted (and sampled) by whichever engine reads the referencing data. It keeps the planned
 * metric's key, so its result is the orphan count the check asked for.
 */
export function bindKeys(metric: PlannedMetric, plan: KeysPlan, keys: ExprLiteral[]): PlannedMetric {
  const spec: MetricSpec = {
    kind: 'predicate_failures',
    column: plan.column,
    predicate: inList(col(plan.column), keys),
    sampleSize: plan.sampleSize,
  };
  return { key: metric.key, spec };
}
