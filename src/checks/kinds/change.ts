import type { Bound } from '../../model/check.js';
import type { ChangeMeasure } from '../../model/measure.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, Evaluation } from '../check-kind.js';
import { formatDuration } from '../duration.js';
import { baselineOf } from '../history-band.js';
import { readHistory } from '../read-history.js';
import { measuredBound, withinBound } from '../thresholds.js';
import { trackedMetrics, trackedName, trackedNumber, trackedObserves } from '../tracked-metric.js';
import type { TrackedOf } from '../tracked-metric.js';

export interface ChangeParams {
  of: TrackedOf;
  /** Numbers; with `relative` a fraction of the baseline (0.2 for '20%'). */
  bound: Bound;
  relative: boolean;
  /** `atMost(x)`: the size of the change in either direction; `between(a, b)`: its signed value. */
  magnitude: boolean;
  /** Compare with the newest value at least this old (`{ over: '7d' }`); absent: the previous run. */
  overMs?: number;
}

/**
 * A tracked metric against an earlier run: `t.rowCount().change().atMost('20%')` fails the run
 * whose row count halved. With no earlier value (the first run, a new check, `over` reaching past
 * the history) it passes with a note saying there was nothing to compare.
 */
export const change: CheckKind<ChangeParams> = defineCheckKind<ChangeParams>({
  kind: 'change',
  scope: 'column',
  observes: (p) => trackedObserves(p.of),
  readsHistory: true,
  metrics: (def, ctx) => trackedMetrics(def.params.of, def.column, ctx.where),
  tracks: (def, ctx) => trackedName(def.params.of, def.column, ctx.where),
  evaluate(def, m, ctx): Evaluation {
    const p = def.params;
    const expected = describeChange(p);
    const tracked = trackedNumber(p.of, def.column, m, ctx, 'change', expected);
    if ('done' in tracked) return tracked.done;
    const { metric, value } = tracked;
    const history = readHistory(ctx, metric);
    const measure = (baseline: number | null, delta: number | null, run?: { runId: string; at: string }): ChangeMeasure => ({
      type: 'change',
      metric,
      value,
      baseline,
      ...(run && { baselineRun: run }),
      change: delta,
      relative: p.relative,
      magnitude: p.magnitude,
      bound: measuredBound(p.bound),
      ...(p.overMs !== undefined && { overMs: p.overMs }),
    });
    if (!history.ok) {
      if (history.outcome === 'error') return { outcome: 'error', message: history.issue.message, issue: history.issue, tracked: value };
      return {
        outcome: 'pass',
        observed: value,
        expected,
        message: `${show(value)}; ${history.note}`,
        note: history.note,
        measure: measure(null, null),
        tracked: value,
      };
    }
    const base = baselineOf(history.points, ctx.now, p.overMs);
    if (!base) {
      const when = p.overMs === undefined ? 'no earlier run' : `no run at least ${formatDuration(p.overMs)} old`;
      const message = `${show(value)}; not compared: the history of ${metric} has ${when} yet (${history.points.length} earlier values)`;
      return { outcome: 'pass', observed: value, expected, message, note: message, measure: measure(null, null), tracked: value };
    }
    const run = { runId: base.runId, at: base.at };
    const delta = p.relative ? relativeChange(value, base.value) : value - base.value;
    if (delta === null) {
      const message = `${show(value)}, was 0: a relative change from 0 is unbounded, expected ${expected}`;
      return { outcome: 'fail', observed: value, expected, message, measure: measure(base.value, null, run), tracked: value };
    }
    const ok = withinBound(p.magnitude ? Math.abs(delta) : delta, p.bound);
    const shown = p.relative ? percent(delta) : signed(delta);
    const message = `${show(value)}, was ${show(base.value)} (${shown})${ok ? '' : `, expected ${expected}`}`;
    return { outcome: ok ? 'pass' : 'fail', observed: value, expected, message, measure: measure(base.value, delta, run), tracked: value };
  },
  describe: (def) => `${trackedName(def.params.of, def.column, undefined)} change ${describeChange(def.params)}`,
});

/** (value - baseline) / |baseline|; null from a baseline of 0 to anything else. */
function relativeChange(value: number, baseline: number): number | null {
  if (baseline === 0) return value === 0 ? 0 : null;
  return (value - baseline) / Math.abs(baseline);
}

function describeChange(p: ChangeParams): string {
  const fmt = (v: number | string | null) => (v === null ? '' : p.relative ? percent(Number(v), false) : String(v));
  const since = p.overMs === undefined ? 'since the last run' : `over ${formatDuration(p.overMs)}`;
  if (p.magnitude) return `at most ${fmt(p.bound.max)} ${since}`;
  if (p.bound.min !== null && p.bound.max !== null) return `between ${fmt(p.bound.min)} and ${fmt(p.bound.max)} ${since}`;
  return p.bound.min !== null ? `at least ${fmt(p.bound.min)} ${since}` : `at most ${fmt(p.bound.max)} ${since}`;
}

const round = (x: number) => Number(x.toPrecision(6));
const show = (x: number) => String(round(x));
const signed = (x: number) => (x >= 0 ? `+${round(x)}` : String(round(x)));
function percent(fraction: number, sign = true): string {
  const pct = round(fraction * 100);
  return `${sign && pct >= 0 ? '+' : ''}${pct}%`;
}
