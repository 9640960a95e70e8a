import { attr } from './escape.js';

/**
 * Small inline SVG charts. Each is an image with a text alternative (role="img" + aria-label)
 * and draws only numbers computed here; labels from the data stay in HTML around it.
 * Sizes are attributes, not style=: the Content-Security-Policy allows no inline style attributes.
 */

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A horizontal bar filled to `share` (0..1), e.g. the share of nulls. The track is the svg's CSS
 * background. Without a label the bar is decorative (hidden from screen readers): the number
 * next to it says the same.
 */
export function shareBar(share: number, label?: string, width = 80): string {
  const w = round(Math.min(1, Math.max(0, share)) * width);
  const a11y = label === undefined ? 'aria-hidden="true"' : `role="img" aria-label="${attr(label)}"`;
  return `<svg class="bar" width="${width}" height="8" ${a11y}><rect width="${w}" height="8"/></svg>`;
}

/** Column bars of a histogram, heights relative to the largest bin; each bar has its count as a tooltip. */
export function histogramChart(rawCounts: number[], label: string, width = 200, height = 40): string {
  // Numbers only: a hand-edited saved result could hold anything where the counts belong.
  const counts = rawCounts.map((n) => (Number.isFinite(Number(n)) ? Number(n) : 0));
  const peak = Math.max(1, ...counts);
  const slot = width / Math.max(1, counts.length);
  const gap = slot > 4 ? 1 : 0;
  const bars = counts
    .map((n, i) => {
      const h = n === 0 ? 0 : Math.max(1, round((n / peak) * height));
      return `<rect x="${round(i * slot)}" y="${round(height - h)}" width="${round(slot - gap)}" height="${h}"><title>${n}</title></rect>`;
    })
    .join('');
  return (
    `<svg class="hist" width="${width}" height="${height + 1}" viewBox="0 0 ${width} ${height + 1}" role="img" aria-label="${attr(label)}">` +
    `${bars}<line x1="0" y1="${height + 0.5}" x2="${width}" y2="${height + 0.5}"/></svg>`
  );
}

/** A row of the top-values list: the value's count relative to the largest (the count is written beside it). */
export function countBar(count: number, peak: number, width = 100): string {
  return shareBar(peak > 0 ? count / peak : 0, undefined, width);
}
