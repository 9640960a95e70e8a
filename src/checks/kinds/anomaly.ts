import type { AnomalyMeasure } from '../../model/measure.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, Evaluation } from '../check-kind.js';
import { recentPoints, robustBand } from '../history-band.js';
import type { RobustBand } from '../history-band.js';
import { readHistory } from '../read-history.js';
import { trackedMetrics, trackedName, trackedNumber, trackedObserves } from '../tracked-metric.js';
import type { TrackedOf } from '../tracked-metric.js';

export interface AnomalyParams {
  of: TrackedOf;
  /** How many earlier values make the band (default 20). */
  runs: number;
  /** How many spreads from the median the band reaches (default 3). */
  sensitivity: number;
  /** Fewer earlier values than this: not judged, a pass with a note (default 5). */
  minRuns: number;
  /** `weekday`: compare only with runs on the same UTC weekday (weekly seasonality). */
  seasonality?: 'weekday';
}

/**
 * A tracked metric against the band its recent history makes: median ± sensitivity × the scaled
 * median absolute deviation of the last `runs` values (../history-band.ts). Too little history
 * passes with a note saying how many values there were and how many it needs.
 */
export const anomaly: CheckKind<AnomalyParams> = defineCheckKind<AnomalyParams>({
  kind: 'anomaly',
  scope: 'column',
  observes: (p) => trackedObserves(p.of),
  readsHistory: true,
  metrics: (def, ctx) => trackedMetrics(def.params.of, def.column, ctx.where),
  tracks: (def, ctx) => trackedName(def.params.of, def.column, ctx.where),
  evaluate(def, m, ctx): Evaluation {
    const p = def.params;
    const expected = describeAnomaly(p);
    const tracked = trackedNumber(p.of, def.column, m, ctx, 'anomaly', expected);
    if ('done' in tracked) return tracked.done;
    const { metric, value } = tracked;
    const measure = (runs: number, band: RobustBand | null): AnomalyMeasure => ({
      type: 'anomaly',
      metric,
      value,
      runs,
      median: band?.median ?? null,
      spread: band?.spread ?? null,
      band: band ? { min: band.min, max: band.max } : null,
      sensitivity: p.sensitivity,
      ...(p.seasonality && { seasonality: p.seasonality }),
    });
    const history = readHistory(ctx, metric);
    if (!history.ok) {
      if (history.outcome === 'error') return { outcome: 'error', message: history.issue.message, issue: history.issue, tracked: value };
      return {
        outcome: 'pass',
        observed: value,
        expected,
        message: `${show(value)}; ${history.note}`,
        note: history.note,
        measure: measure(0, null),
        tracked: value,
      };
    }
    const recent = recentPoints(history.points, p.runs, ctx.now, p.seasonality === 'weekday');
    if (recent.length < p.minRuns) {
      const which = p.seasonality === 'weekday' ? ' on this weekday' : '';
      const message = `${show(value)}; not judged: ${recent.length} earlier values of ${metric}${which}, the band needs at least ${p.minRuns}`;
      return { outcome: 'pass', observed: value, expected, message, note: message, measure: measure(recent.length, null), tracked: value };
    }
    const band = robustBand(
      recent.map((pt) => pt.value),
      p.sensitivity,
    );
    const ok = value >= band.min && value <= band.max;
    const range = `${show(band.min)}..${show(band.max)}`;
    const message = `${show(value)}${ok ? ' within' : ' outside'} the band ${range} (median ${show(band.median)} of the last ${recent.length} runs)`;
    return { outcome: ok ? 'pass' : 'fail', observed: value, expected, message, measure: measure(recent.length, band), tracked: value };
  },
  describe: (def) => `${trackedName(def.params.of, def.column, undefined)} ${describeAnomaly(def.params)}`,
});

function describeAnomaly(p: AnomalyParams): string {
  const season = p.seasonality === 'weekday' ? ' on the same weekday' : '';
  return `within ${p.sensitivity} MADs of its last ${p.runs} runs${season}`;
}

const show = (x: number) => String(Number(x.toPrecision(6)));
