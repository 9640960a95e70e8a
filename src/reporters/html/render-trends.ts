import type { DatasetRunTrend } from '../../model/history.js';
import type { CheckResult, DatasetResult, Outcome } from '../../model/result.js';
import { attr, text } from './escape.js';
import { OUTCOME_LABEL, OUTCOME_ORDER, knownOutcome } from './outcome.js';

const round = (n: number) => Math.round(n * 10) / 10;
const show = (n: number) => String(Number(n.toPrecision(6)));

/**
 * A check's tracked metric over its earlier runs and this one (the last point, drawn as a dot):
 * an inline SVG line, numbers only, with the values as its text alternative. Nothing without history.
 */
export function checkSparkline(c: CheckResult, width = 120, height = 24): string {
  if (!c.metric || !c.history || c.history.length === 0) return '';
  // Numbers only: a hand-edited saved result could hold anything where the values belong.
  const values = [...c.history.map((p) => Number(p.value)), Number(c.metric.value)].filter((v) => Number.isFinite(v));
  if (values.length < 2) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => round((i / (values.length - 1)) * (width - 4) + 2);
  const y = (v: number) => round(hi === lo ? height / 2 : height - 2 - ((v - lo) / (hi - lo)) * (height - 4));
  const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
  const last = values.length - 1;
  const label = `${c.metric.name} over the last ${values.length} runs: ${values.map(show).join(', ')}`;
  return (
    `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${attr(label)}">` +
    `<polyline points="${points}"/><circle cx="${x(last)}" cy="${y(values[last])}" r="2.5"/></svg>`
  );
}

/** The worst outcome among a run's counts. */
function worst(counts: DatasetRunTrend['counts']): Outcome {
  return OUTCOME_ORDER.find((o) => Number(counts[o]) > 0) ?? 'skipped';
}

/**
 * A dataset's outcomes over its earlier runs and this one: one square per run in the colour and
 * title of its worst outcome, oldest first. Nothing without history.
 */
export function datasetTrend(d: DatasetResult): string {
  if (!d.trend || d.trend.length === 0) return '';
  const now = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
  for (const c of d.checks) now[knownOutcome(c.outcome)]++;
  const runs = [...d.trend.map((t) => ({ at: String(t.startedAt), counts: t.counts })), { at: 'this run', counts: now }];
  const cells = runs
    .map((r) => {
      const o = worst(r.counts);
      const summary = OUTCOME_ORDER.filter((k) => Number(r.counts[k]) > 0)
        .map((k) => `${Number(r.counts[k])} ${OUTCOME_LABEL[k].toLowerCase()}`)
        .join(', ');
      return `<li class="o-${o}" title="${attr(`${r.at}: ${summary}`)}"><span class="sr">${text(`${r.at}: ${OUTCOME_LABEL[o]}`)}</span></li>`;
    })
    .join('');
  return `<div class="trend"><span class="dim">Last ${runs.length} runs</span><ol class="trend" aria-label="outcomes of the last ${runs.length} runs">${cells}</ol></div>`;
}
