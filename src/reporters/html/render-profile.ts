import type { ColumnProfile, DatasetResult } from '../../model/result.js';
import { formatNumber, formatValue } from '../format-value.js';
import { text } from './escape.js';
import { countBar, histogramChart, shareBar } from './svg-charts.js';

/**
 * The column profiles of one dataset: a table (one row per column) whose cells show the null
 * share, distinct count, min and max, and a small chart of the values: a histogram for numbers and
 * times, the most frequent values for strings and booleans. pii columns show no values at all.
 */
export function renderProfiles(d: DatasetResult, id: string): string {
  if (d.columns.length === 0) return '';
  const rows = d.columns.map((c) => renderColumn(c, d.rowCount)).join('');
  return (
    `<h3 id="${id}-profiles">Column profiles</h3>` +
    `<div class="scroll"><table class="profiles"><thead><tr><th scope="col">Column</th><th scope="col">Nulls</th><th scope="col">Distinct</th>` +
    `<th scope="col">Min</th><th scope="col">Max</th><th scope="col">Distribution</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

function renderColumn(c: ColumnProfile, rowCount: number | undefined): string {
  const name = `<th scope="row"><span class="col">${text(c.name)}</span> <span class="type">${text(c.type)}</span>${c.pii ? ' <span class="pii">pii</span>' : ''}</th>`;
  return (
    `<tr>${name}<td>${nulls(c, rowCount)}</td><td class="num">${c.distinctCount !== undefined ? text(c.distinctCount) : ''}</td>` +
    `<td>${c.min !== undefined ? value(c.min) : ''}</td><td>${c.max !== undefined ? value(c.max) : ''}</td><td>${distribution(c)}</td></tr>`
  );
}

function nulls(c: ColumnProfile, rowCount: number | undefined): string {
  if (c.nullCount === undefined) return '';
  if (!rowCount) return text(c.nullCount);
  const share = c.nullCount / rowCount;
  const pct = percent(share);
  return `${shareBar(share, `${pct} null`)} <span class="num">${text(c.nullCount)}</span> <span class="dim">(${text(pct)})</span>`;
}

function distribution(c: ColumnProfile): string {
  if (c.pii) return '<span class="dim">values not shown (pii)</span>';
  if (c.histogram) {
    const { counts, min, max } = c.histogram;
    if (min === null || min === undefined) return '<span class="dim">no values</span>';
    const label = `histogram of ${counts.length} equal-width bins from ${formatValue(min, 40)} to ${formatValue(max, 40)}`;
    return `<figure class="hist">${histogramChart(counts, label)}<figcaption><span>${value(min)}</span><span>${value(max)}</span></figcaption></figure>`;
  }
  if (c.topValues) {
    const { top, distinct, truncated } = c.topValues;
    if (truncated) return '<span class="dim">too many distinct values to list</span>';
    if (top.length === 0) return '<span class="dim">no values</span>';
    const peak = top[0].count;
    const rows = top
      .map((t) => `<tr><td>${value(t.value)}</td><td>${countBar(t.count, peak)}</td><td class="num">${text(t.count)}</td></tr>`)
      .join('');
    const more =
      distinct !== undefined && distinct > top.length
        ? `<tfoot><tr><td colspan="3" class="dim">${distinct - top.length} more distinct values</td></tr></tfoot>`
        : '';
    return `<table class="top"><caption class="sr">most frequent values</caption><tbody>${rows}</tbody>${more}</table>`;
  }
  return '';
}

/** A value read from the data: strings as they are (so `2018-01-01`, not a quoted string), the rest as formatValue shows them. */
function value(v: unknown): string {
  return `<span class="v">${text(typeof v === 'string' ? (v.length > 60 ? `${v.slice(0, 59)}…` : v) : formatValue(v, 60))}</span>`;
}

export function percent(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return `${formatNumber(Number(pct.toFixed(pct < 10 ? 1 : 0)))}%`;
}
