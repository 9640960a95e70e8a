import type { CheckKind, PlanContext } from '../checks/check-kind.js';
import { CHECK_KINDS } from '../checks/builtin.js';
import type { CheckDef } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import type { Expr } from '../model/expr.js';
import type { Issue } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import type { MetricSpec, PlannedMetric } from '../model/metric.js';
import { metricKey } from './metric-key.js';

export interface PlannedCheck {
  def: CheckDef;
  kind?: CheckKind<any>;
  ctx: PlanContext;
  /** Set when the check cannot run at all (unknown kind, a filter that does not parse). */
  issue?: Issue;
}

/** Where a requested metric's value lives after deduplication (quantiles share one sorted pass). */
export interface MetricAddress {
  key: string;
  /** For quantiles merged per column and filter: which of the merged probabilities. */
  pick?: number[];
}

export interface DatasetPlan {
  contract: ContractDef;
  checks: PlannedCheck[];
  metrics: PlannedMetric[];
  resolve(spec: MetricSpec): MetricAddress;
}

export interface PlanOptions {
  sampleSize: number;
  parseWhere: (text: string) => Expr;
  /** Extra metrics for the column profiles in reports. */
  profile?: MetricSpec[];
}

/**
 * Every check names the metrics it needs; equal metrics are computed once (canonical keys), and
 * quantiles of the same column and filter merge into one spec so the column is sorted once.
 */
export function buildPlan(contract: ContractDef, checks: CheckDef[], options: PlanOptions): DatasetPlan {
  const planned: PlannedCheck[] = [];
  const requested: MetricSpec[] = [...(options.profile ?? [])];
  for (const def of checks) {
    const ctx: PlanContext = { contract, sampleSize: options.sampleSize };
    const kind = CHECK_KINDS.get(def.kind);
    if (!kind) {
      planned.push({
        def,
        ctx,
        issue: {
          code: 'check.unknown_kind',
          message: `unknown check kind '${def.kind}'`,
          location: def.location,
          found: def.kind,
          expected: [...CHECK_KINDS.keys()].join(', '),
        },
      });
      continue;
    }
    if (def.where !== undefined && kind.acceptsWhere === false) {
      const issue: Issue = {
        code: 'check.where_unsupported',
        message: `a ${def.kind} check cannot be filtered with where(): it is about the whole dataset`,
        location: def.location,
        expected: 'no where() on this check',
        found: `where(${JSON.stringify(def.where)})`,
      };
      planned.push({ def, kind, ctx, issue });
      continue;
    }
    try {
      if (def.where !== undefined) ctx.where = options.parseWhere(def.where);
      requested.push(...kind.metrics(def, ctx));
      planned.push({ def, kind, ctx });
    } catch (e) {
      const issue: Issue = isDatacheckError(e)
        ? { ...e.issue, location: def.location, message: `${e.issue.message} (in the filter ${JSON.stringify(def.where)})` }
        : { code: 'check.plan', message: String((e as Error).message ?? e), location: def.location };
      planned.push({ def, kind, ctx, issue });
    }
  }
  return dedupe(contract, planned, requested);
}

function dedupe(contract: ContractDef, checks: PlannedCheck[], requested: MetricSpec[]): DatasetPlan {
  const byKey = new Map<string, PlannedMetric>();
  const quantileGroups = new Map<string, { key: string; probs: number[] }>();
  const groupKey = (s: Extract<MetricSpec, { kind: 'quantiles' }>) => metricKey({ ...s, probs: [] });
  for (const spec of requested) {
    if (spec.kind === 'quantiles') {
      const g = quantileGroups.get(groupKey(spec)) ?? { key: '', probs: [] };
      for (const p of spec.probs) if (!g.probs.includes(p)) g.probs.push(p);
      quantileGroups.set(groupKey(spec), g);
      continue;
    }
    const key = metricKey(spec);
    const existing = byKey.get(key);
    const size = (s: MetricSpec) => ('sampleSize' in s ? s.sampleSize : 0);
    if (!existing || size(spec) > size(existing.spec)) byKey.set(key, { key, spec });
  }
  const merged = new Map<string, Extract<MetricSpec, { kind: 'quantiles' }>>();
  for (const spec of requested) {
    if (spec.kind !== 'quantiles' || merged.has(groupKey(spec))) continue;
    const g = quantileGroups.get(groupKey(spec))!;
    const full = { ...spec, probs: [...g.probs].sort((a, b) => a - b) };
    g.key = metricKey(full);
    merged.set(groupKey(spec), full);
    byKey.set(g.key, { key: g.key, spec: full });
  }
  return {
    contract,
    checks,
    metrics: [...byKey.values()],
    resolve(spec) {
      if (spec.kind === 'quantiles') {
        const full = merged.get(groupKey(spec));
        if (full) return { key: metricKey(full), pick: spec.probs.map((p) => full.probs.indexOf(p)) };
      }
      return { key: metricKey(spec) };
    },
  };
}
