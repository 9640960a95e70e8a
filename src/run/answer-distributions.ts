import { baselineDistribution } from '../access/baseline-file.js';
import type { BaselineCache } from '../access/baseline-file.js';
import { openDataset } from '../access/open-dataset.js';
import type { DistributionPlan } from '../access/plan-distributions.js';
import { lazyArrowEngine } from '../engines/arrow/lazy-arrow-engine.js';
import type { SqlTransfer } from '../engines/engine.js';
import { sqlEngine } from '../engines/sql/sql-metric-engine.js';
import { isDatacheckError } from '../model/issue.js';
import type { MetricOutcome } from '../model/metric.js';
import type { ExecuteContext } from './execute.js';

/**
 * The reference side of each drift check, by metric key: the other dataset's value counts from
 * its own engine (a GROUP BY where it is read in SQL, one pass where it is read as files), or the
 * baseline file's. Never throws: what cannot be read is the metric's issue, so the check says why.
 */
export async function answerDistributions(
  plans: DistributionPlan[],
  baseDir: string,
  ctx: ExecuteContext,
  transfer: SqlTransfer,
  baselines: BaselineCache,
): Promise<Map<string, MetricOutcome>> {
  const answers = new Map<string, MetricOutcome>();
  for (const plan of plans) {
    if (plan.how === 'unanswerable') answers.set(plan.metric, { ok: false, issue: plan.issue });
    else if (plan.how === 'baseline') answers.set(plan.metric, await baselineDistribution(plan.file, plan.shownAs, plan.column, baselines));
    else {
      try {
        const other = await openDataset(plan.read, { contract: plan.contract, baseDir, connections: ctx.connections });
        const engine = plan.read.engine === 'sql' ? sqlEngine : lazyArrowEngine;
        const results = await engine.compute(other, [{ key: plan.metric, spec: plan.spec }], {
          contract: plan.contract,
          now: ctx.now,
          transfer,
        });
        answers.set(plan.metric, results.get(plan.metric)!);
      } catch (e) {
        const message = isDatacheckError(e) ? e.issue.message : ((e as Error)?.message ?? String(e));
        answers.set(plan.metric, {
          ok: false,
          issue: { code: 'drift.read', message: `could not read the distribution of '${plan.dataset}': ${message}` },
        });
      }
    }
  }
  return answers;
}
