import type { HistoryContext } from '../../src/checks/check-kind.js';
import { evaluateDataset } from '../../src/evaluate/evaluate-dataset.js';
import type { CheckDef } from '../../src/model/check.js';
import type { ContractDef } from '../../src/model/contract.js';
import type { Expr } from '../../src/model/expr.js';
import type { MetricOutcome, MetricSpec, MetricValue } from '../../src/model/metric.js';
import type { CheckResult } from '../../src/model/result.js';
import { buildPlan } from '../../src/plan/build-plan.js';

/**
 * Evaluates checks against metric values supplied by the test (an engine stand-in that answers
 * from a function of the spec), so evaluation rules are tested apart from any engine.
 */
export function evaluateWith(
  contract: ContractDef,
  checks: CheckDef[],
  answer: (spec: MetricSpec) => MetricValue | MetricOutcome,
  options: { now?: Date; parseWhere?: (s: string) => Expr; history?: HistoryContext } = {},
): CheckResult[] {
  const plan = buildPlan(contract, checks, {
    sampleSize: 5,
    parseWhere: options.parseWhere ?? ((s) => ({ op: 'col', name: s })),
  });
  const results = new Map<string, MetricOutcome>();
  for (const m of plan.metrics) {
    const a = answer(m.spec);
    results.set(m.key, a !== null && typeof a === 'object' && 'ok' in a ? (a as MetricOutcome) : { ok: true, value: a as MetricValue });
  }
  return evaluateDataset(plan, results, options.now ?? new Date('2024-06-01T00:00:00Z'), options.history);
}

export function schemaOf(...columns: string[]): MetricValue {
  return { columns: columns.map((name) => ({ name, arrowType: 'Utf8', logical: { type: 'string' as const }, nullable: true })) };
}
