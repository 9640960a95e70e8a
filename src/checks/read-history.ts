import type { HistoryPoint } from '../model/history.js';
import type { EvalContext } from './check-kind.js';

/**
 * A tracked metric's earlier points for a change or anomaly check, or why there are none: `off`
 * (history turned off: the check passes, saying so) or `unavailable` (the store could not be
 * read: the check ends `error` with the store's issue). Never silently empty.
 */
export type HistoryRead =
  | { ok: true; points: readonly HistoryPoint[] }
  | { ok: false; outcome: 'pass'; note: string }
  | { ok: false; outcome: 'error'; issue: NonNullable<Extract<EvalContext['history'], { state: 'unavailable' }>>['issue'] };

export function readHistory(ctx: EvalContext, metric: string): HistoryRead {
  const h = ctx.history;
  if (!h || h.state === 'off') return { ok: false, outcome: 'pass', note: `not compared: ${h?.reason ?? 'the metric history is off'}` };
  if (h.state === 'unavailable') return { ok: false, outcome: 'error', issue: h.issue };
  return { ok: true, points: h.points[metric] ?? [] };
}
