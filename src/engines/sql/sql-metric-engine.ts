import type { EngineContext, MetricEngine, OpenedDataset } from '../engine.js';
import type { MetricResults, PlannedMetric } from '../../model/metric.js';
import { lazyArrowEngine } from '../arrow/lazy-arrow-engine.js';
import { computeSqlMetrics } from './sql-engine.js';

/**
 * The SQL engine behind the MetricEngine interface. Metrics SQL cannot express (`sql.unsupported`)
 * stream through the Arrow engine when the source allows it (`fallback: 'arrow'`); otherwise their
 * checks end `error` with a message that says how to allow it.
 */
export function createSqlEngine(fallbackEngine: MetricEngine = lazyArrowEngine): MetricEngine {
  return {
    name: 'sql',
    async compute(source: OpenedDataset, metrics: PlannedMetric[], ctx: EngineContext): Promise<MetricResults> {
      if (!source.sql) return fallbackEngine.compute(source, metrics, ctx);
      // Samples show the contract's columns only: an undeclared one may be personal data nobody marked.
      const results = await computeSqlMetrics(source.sql, metrics, ctx.now ?? new Date(), {
        ...(ctx.sqlReferences && { references: ctx.sqlReferences }),
        ...(ctx.transfer && { transfer: ctx.transfer }),
        sampleColumns: Object.keys(ctx.contract.columns),
        declaredTypes: new Map(Object.entries(ctx.contract.columns).map(([name, c]) => [name, c.type])),
      });
      const unsupported = metrics.filter((m) => {
        const r = results.get(m.key);
        return r && !r.ok && r.issue.code === 'sql.unsupported';
      });
      if (unsupported.length === 0) return results;
      if (source.fallback === 'arrow') {
        const streamed = await fallbackEngine.compute(source, unsupported, ctx);
        for (const [k, v] of streamed) results.set(k, v);
        return results;
      }
      // Only file sources have rows to stream; a table or query stays in its database.
      const hint = source.files
        ? "to compute it anyway, allow streaming through the Arrow engine with `fallback: 'arrow'` in the source (or read the files with `engine: 'arrow'`)"
        : 'a table or query source is read in SQL only, so this check cannot run on it; rewrite it in a form SQL can express';
      for (const m of unsupported) {
        const r = results.get(m.key)!;
        if (!r.ok) {
          results.set(m.key, { ok: false, issue: { ...r.issue, message: `${r.issue.message}; ${hint}`, hint } });
        }
      }
      return results;
    },
  };
}

export const sqlEngine: MetricEngine = createSqlEngine();
