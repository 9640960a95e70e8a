import type { MetricReader } from '../checks/check-kind.js';
import { MetricUnavailable } from '../checks/check-kind.js';
import type { MetricResults, MetricSpec, MetricValue } from '../model/metric.js';
import type { DatasetPlan } from '../plan/build-plan.js';

/** Reads a check's metrics from the engine's results, through the plan's deduplication. */
export function metricReader(plan: DatasetPlan, results: MetricResults): MetricReader {
  return {
    value<T extends MetricValue>(spec: MetricSpec): T {
      const address = plan.resolve(spec);
      const outcome = results.get(address.key);
      if (!outcome) {
        throw new MetricUnavailable({ code: 'metric.missing', message: `the engine computed no '${spec.kind}' metric for this check` });
      }
      if (!outcome.ok) throw new MetricUnavailable(outcome.issue);
      if (address.pick) return address.pick.map((i) => (outcome.value as number[])[i]).filter((v) => v !== undefined) as T;
      return outcome.value as T;
    },
  };
}
