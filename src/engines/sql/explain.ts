import type { MetricResults, PlannedMetric } from '../../model/metric.js';
import type { CompiledPlan } from './compile-plan.js';
import type { QueryState } from './compiled-query.js';
import type { Dialect } from './dialect.js';
import { renderSelect } from './render.js';
import type { SqlQuery } from './sql-connection.js';

export interface ExplainedQuery {
  label: string;
  keys: string[];
  query: SqlQuery;
  /** True when the statement runs only if an earlier answer needs it (samples, top values). */
  conditional: boolean;
  /** True when some parameters come from an earlier query's answer (histogram bounds). */
  dependent: boolean;
}

export interface ExplainedPlan {
  queries: ExplainedQuery[];
  /** Metrics not computed in SQL, with the reason. */
  notPushedDown: { key: string; code: string; message: string }[];
  /** Metrics answered from the catalog (no query on rows). */
  catalog: string[];
}

/** A parameter whose value an earlier query finds, shown as a marker in `datacheck plan`. */
const pending = (name: string) => `<${name} from the aggregate query>`;

/**
 * The exact SQL of a compiled plan, without running anything: what `datacheck plan` prints and
 * the golden files hold. Statements that need an earlier answer are rendered with markers.
 */
export function explainPlan(plan: CompiledPlan, dialect: Dialect): ExplainedPlan {
  const results: MetricResults = new Map(plan.known);
  const aggregate = new Proxy({} as Record<string, unknown>, { get: (_t, k) => pending(String(k)) });
  const state: QueryState = { results, aggregate };
  return {
    queries: plan.queries.map((q) => ({
      label: q.label,
      keys: q.keys,
      query: renderSelect(typeof q.select === 'function' ? q.select(state) : q.select, dialect),
      conditional: q.runIf !== undefined,
      dependent: typeof q.select === 'function',
    })),
    notPushedDown: [...plan.known].flatMap(([key, r]) => (r.ok ? [] : [{ key, code: r.issue.code, message: r.issue.message }])),
    catalog: plan.catalog,
  };
}

/** Plain text of an explained plan: numbered statements, their parameters, what is not pushed down. */
export function formatExplained(e: ExplainedPlan, metrics: PlannedMetric[]): string {
  const out: string[] = [];
  const index = new Map(metrics.map((m, i) => [m.key, i]));
  e.queries.forEach((q, i) => {
    const when = q.conditional ? ' (only when needed)' : '';
    out.push(`-- query ${i + 1}: ${q.label}${when}; metrics ${q.keys.map((k) => `#${index.get(k) ?? '?'}`).join(', ')}`);
    out.push(`${q.query.sql};`);
    out.push(`-- params: ${JSON.stringify(q.query.params)}`);
    out.push('');
  });
  if (e.catalog.length) out.push(`-- from the catalog, no rows read: ${e.catalog.map((k) => `#${index.get(k) ?? '?'}`).join(', ')}`);
  for (const n of e.notPushedDown) out.push(`-- not pushed down: #${index.get(n.key) ?? '?'} (${n.code}) ${n.message}`);
  return out.join('\n');
}
