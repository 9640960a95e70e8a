import { baselineDistribution } from '../access/baseline-file.js';
import type { BaselineCache } from '../access/baseline-file.js';
import type { DistributionPlan } from '../access/plan-distributions.js';
import type { SqlTransfer } from '../engines/engine.js';
import type { MetricOutcome } from '../model/metric.js';
import type { ExecuteContext } from './execute.js';
import { metricOfDataset } from './answer-dataset-metrics.js';

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
      const what = `could not read the distribution of '${plan.dataset}'`;
      answers.set(plan.metric, await metricOfDataset(plan, baseDir, ctx, transfer, 'drift.read', what));
    }
  }
  return answers;
}
