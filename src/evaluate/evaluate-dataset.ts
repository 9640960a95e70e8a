import { performance } from 'node:perf_hooks';
import type { EvalContext, Evaluation, HistoryContext } from '../checks/check-kind.js';
import { MetricUnavailable, observesOf } from '../checks/check-kind.js';
import { formatExpr } from '../expr/format-expr.js';
import type { MetricResults, PhysicalColumn } from '../model/metric.js';
import type { CheckResult } from '../model/result.js';
import type { DatasetPlan, PlannedCheck } from '../plan/build-plan.js';
import { declaredValuesOnly } from './declared-values.js';
import { maskObservation, maskRows, piiColumns } from './mask-pii.js';
import { metricReader } from './metric-reader.js';

/**
 * Turns a dataset's metric results into check results. Pure and total: a metric that could not
 * be computed makes its checks `error` (with the cause); a check on a column the data lacks is
 * `skipped` (the schema check fails for it); nothing here throws.
 */
export function evaluateDataset(plan: DatasetPlan, results: MetricResults, now: Date, history?: HistoryContext): CheckResult[] {
  const reader = metricReader(plan, results);
  const schema = results.get(plan.resolve({ kind: 'schema' }).key);
  const present = schema?.ok ? new Set((schema.value as { columns: PhysicalColumn[] }).columns.map((c) => c.name)) : undefined;
  const pii = piiColumns(plan.contract);
  return plan.checks.map((check) => {
    const started = performance.now();
    const evaluation = evaluateOne(check, reader, present, now, history);
    const shown = { ...evaluation, failingRows: declaredValuesOnly(evaluation.failingRows, plan.contract) };
    return toResult(check, shown, pii, performance.now() - started);
  });
}

function evaluateOne(
  check: PlannedCheck,
  reader: ReturnType<typeof metricReader>,
  present: Set<string> | undefined,
  now: Date,
  history: HistoryContext | undefined,
): Evaluation {
  if (check.issue) return { outcome: 'error', message: check.issue.message, issue: check.issue };
  const columns = check.def.columns ?? (check.def.column !== undefined ? [check.def.column] : []);
  const absent = present && check.kind?.scope === 'column' ? columns.filter((c) => !present.has(c)) : [];
  if (absent.length > 0) {
    return { outcome: 'skipped', message: `column ${absent.map((c) => `'${c}'`).join(', ')} is not in the data (see the schema check)` };
  }
  const ctx: EvalContext = { ...check.ctx, now, ...(history && { history }) };
  try {
    return check.kind!.evaluate(check.def, reader, ctx);
  } catch (e) {
    if (e instanceof MetricUnavailable) return { outcome: 'error', message: e.issue.message, issue: e.issue };
    const message = `check could not be evaluated: ${(e as Error).message ?? String(e)}`;
    return { outcome: 'error', message, issue: { code: 'check.evaluate', message, location: check.def.location } };
  }
}

function toResult(check: PlannedCheck, ev: Evaluation, pii: Set<string>, durationMs: number): CheckResult {
  const { def } = check;
  const baseTitle = def.title ?? (check.kind ? check.kind.describe(def) : def.kind);
  const where = check.ctx.where ? formatExpr(check.ctx.where) : def.where;
  const columnIsPii = def.column !== undefined && pii.has(def.column);
  const shown = columnIsPii && check.kind ? maskObservation(observesOf(check.kind, def.params), ev) : ev;
  return {
    id: def.id,
    kind: def.kind,
    dataset: def.dataset,
    ...(def.column !== undefined && { column: def.column }),
    ...(def.columns !== undefined && { columns: def.columns }),
    title: def.title ?? (where ? `${baseTitle} where ${where}` : baseTitle),
    severity: def.severity,
    outcome: ev.outcome === 'fail' && def.severity === 'warn' ? 'warn' : ev.outcome,
    ...(shown.observed !== undefined && { observed: shown.observed }),
    ...(ev.expected !== undefined && { expected: ev.expected }),
    message: shown.message,
    ...(shown.measure && { measure: shown.measure }),
    ...trackedMetric(check, ev, columnIsPii),
    ...(ev.note !== undefined && { note: ev.note }),
    ...(ev.rows && { rows: ev.rows }),
    ...(ev.failingRows && ev.failingRows.length > 0 && { failingRows: maskRows(ev.failingRows, pii) }),
    ...(ev.issue && { issue: ev.issue }),
    ...(where !== undefined && { where }),
    origin: def.origin,
    location: def.location,
    durationMs: Math.round(durationMs * 1000) / 1000,
  };
}

/**
 * The number the check measured, under its history name; on a pii column only counts and shares,
 * so the history never holds a value of the column.
 */
function trackedMetric(check: PlannedCheck, ev: Evaluation, columnIsPii: boolean): Pick<CheckResult, 'metric'> {
  const { kind, def } = check;
  if (!kind?.tracks || ev.tracked === undefined || !Number.isFinite(ev.tracked)) return {};
  if (columnIsPii && observesOf(kind, def.params) === 'values') return {};
  return { metric: { name: kind.tracks(def, check.ctx), value: ev.tracked } };
}
