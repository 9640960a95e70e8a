import type { PlannedMetric } from '../engine.js';
import type { Expr } from '../../model/expr.js';
import type { Issue } from '../../model/issue.js';
import { isDatacheckError } from '../../model/issue.js';
import type { MetricResults } from '../../model/metric.js';
import type { SourceBatch } from '../../sources/source.js';
import { BatchColumns, evaluatePredicate } from './expr/evaluate.js';
import type { EvalContext } from './expr/evaluate.js';
import type { Aggregator, BatchInput } from './aggregator.js';
import { aggregatorFor } from './aggregators/index.js';

/** One metric being computed: its aggregator and state, or the issue that stopped it. */
export interface Running {
  metric: PlannedMetric;
  agg: Aggregator<any>;
  state: unknown;
  whereKey?: string;
  issue?: Issue;
}

/** `sampleColumns`: the columns failing-row samples may show (the contract's). */
export function initRunning(metrics: PlannedMetric[], sampleColumns?: readonly string[]): Running[] {
  return metrics.map((metric) => {
    const agg = aggregatorFor(metric.spec, sampleColumns);
    if (!agg) {
      return {
        metric,
        agg: undefined as never,
        state: undefined,
        issue: {
          code: 'engine.unsupported_metric',
          message: `${metric.spec.kind} is not supported by the arrow engine`,
          found: metric.spec.kind,
        },
      };
    }
    const where = 'where' in metric.spec ? metric.spec.where : undefined;
    return { metric, agg, state: agg.init(), ...(where && { whereKey: JSON.stringify(where) }) };
  });
}

/** Folds one batch into every live metric's state (shared by the main thread and workers). */
export function processBatch(sb: SourceBatch, running: Running[], evalCtx: EvalContext): void {
  const columns = new BatchColumns(sb.batch);
  const numRows = sb.batch.numRows;
  const memo = new Map<string, Uint8Array | Error>();
  const predicate = (e: Expr): Uint8Array => {
    const key = JSON.stringify(e);
    let m = memo.get(key);
    if (m === undefined) {
      try {
        m = evaluatePredicate(e, columns, evalCtx);
      } catch (err) {
        m = err as Error;
      }
      memo.set(key, m);
    }
    if (m instanceof Error) throw m;
    return m;
  };
  for (const r of running) {
    if (r.issue) continue;
    try {
      const where = r.whereKey ? predicate((r.metric.spec as { where: Expr }).where) : null;
      const input: BatchInput = { source: sb, columns, mask: where, numRows, predicate, eval: evalCtx };
      r.agg.update(r.state, input);
    } catch (e) {
      r.issue = toIssue(e, r.metric);
    }
  }
}

/** Reads every metric's value out (or its issue). */
export function collectResults(running: Running[]): MetricResults {
  const results: MetricResults = new Map();
  for (const r of running) {
    if (r.issue) {
      results.set(r.metric.key, { ok: false, issue: r.issue });
      continue;
    }
    try {
      results.set(r.metric.key, { ok: true, value: r.agg.result(r.state) });
    } catch (e) {
      results.set(r.metric.key, { ok: false, issue: toIssue(e, r.metric) });
    }
  }
  return results;
}

export function toIssue(e: unknown, metric: PlannedMetric): Issue {
  if (isDatacheckError(e)) return { ...e.issue };
  return { code: 'engine.internal', message: `computing ${metric.spec.kind} failed: ${(e as Error)?.message ?? String(e)}` };
}
