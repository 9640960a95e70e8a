import type { DriftMeasure } from '../../model/measure.js';
import type { CheckResult } from '../../model/result.js';
import { text } from './escape.js';
import { overlayChart } from './svg-charts.js';

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/**
 * A drift check's reference and current distributions over each other, with the statistic and
 * p-value, and the first and last bin's labels (values from the data, so escaped text around
 * the chart, never inside it). Nothing without bins: pii columns carry none.
 */
export function renderDrift(c: CheckResult): string {
  if (c.measure?.type !== 'drift') return '';
  const m = c.measure as DriftMeasure;
  const stats =
    `${text(m.method)} ${text(num(m.statistic) ?? '-')}` +
    (m.pValue !== undefined
      ? ` <span class="dim">p</span> ${text(num(m.pValue) ?? '-')} <span class="dim">(${text(m.pValueMethod ?? '')})</span>`
      : '');
  const counts = `<span class="dim">reference</span> ${text(num(m.reference?.count) ?? 0)} <span class="dim">values, current</span> ${text(num(m.current?.count) ?? 0)}`;
  if (!m.bins || !Array.isArray(m.bins.labels)) return `<div class="drift-stats">${stats} · ${counts}</div>`;
  const labels = m.bins.labels;
  const label = `${m.method} drift of ${c.column ?? ''}: reference and current distributions over ${labels.length} bins`;
  const ends =
    labels.length > 0 ? `<span class="v">${text(labels[0])}</span><span class="v">${text(labels[labels.length - 1])}</span>` : '';
  return (
    `<figure class="drift">${overlayChart(m.bins.reference, m.bins.current, label)}` +
    `<figcaption><div class="ends">${ends}</div><div><span class="key ref"></span> reference <span class="key cur"></span> current</div>` +
    `<div class="drift-stats">${stats} · ${counts}</div></figcaption></figure>`
  );
}
