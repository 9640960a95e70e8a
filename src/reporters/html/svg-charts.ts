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

/**
 * Two distributions over the same bins drawn over each other: the reference as outlined bars,
 * the current as translucent filled bars, each as its share of its own total so samples of
 * different sizes compare. Every bar has its share as a tooltip.
 */
export function overlayChart(rawReference: number[], rawCurrent: number[], label: string, width = 240, height = 60): string {
  const clean = (xs: number[]) => (Array.isArray(xs) ? xs : []).map((n) => (Number.isFinite(Number(n)) && Number(n) > 0 ? Number(n) : 0));
  const share = (xs: number[]) => {
    const total = xs.reduce((s, x) => s + x, 0);
    return xs.map((x) => (total > 0 ? x / total : 0));
  };
  const bins = Math.max(1, Math.min(rawReference?.length ?? 0, rawCurrent?.length ?? 0));
  const [ref, cur] = [share(clean(rawReference).slice(0, bins)), share(clean(rawCurrent).slice(0, bins))];
  const peak = Math.max(1e-12, ...ref, ...cur);
  const slot = width / bins;
  const bar = (s: number, i: number, cls: string, who: string) => {
    const h = s === 0 ? 0 : Math.max(1, round((s / peak) * height));
    return `<rect class="${cls}" x="${round(i * slot + 1)}" y="${round(height - h)}" width="${round(Math.max(1, slot - 2))}" height="${h}"><title>${who} ${round(s * 1000) / 10}%</title></rect>`;
  };
  const bars = ref.map((s, i) => bar(s, i, 'ref', 'reference') + bar(cur[i], i, 'cur', 'current')).join('');
  return (
    `<svg class="drift" width="${width}" height="${height + 1}" viewBox="0 0 ${width} ${height + 1}" role="img" aria-label="${attr(label)}">` +
    `${bars}<line x1="0" y1="${height + 0.5}" x2="${width}" y2="${height + 0.5}"/></svg>`
  );
}
