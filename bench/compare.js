// Side-by-side comparison of the two engines' counts; any difference fails the benchmark.
import { COLUMNS } from './config.js';

/** Flattens counts into labelled rows, in a fixed order. */
function figures(counts) {
  return [
    ['rows', counts.rows],
    ...COLUMNS.map((c) => [`nulls ${c}`, counts.nulls?.[c]]),
    ['rows sharing an order_id', counts.duplicateRows],
    ['status not accepted', counts.badStatus],
    ['email not matching', counts.badEmail],
    ['amount outside [0, 10000]', counts.amountOutOfRange],
  ];
}

/** Returns { ok, rows: [{ label, duckdb, datacheck, same }] }. Missing values never match. */
export function compareCounts(duckdb, datacheck) {
  const theirs = new Map(figures(datacheck));
  const rows = figures(duckdb).map(([label, d]) => {
    const c = theirs.get(label);
    return { label, duckdb: d, datacheck: c, same: typeof d === 'number' && d === c };
  });
  return { ok: rows.every((r) => r.same), rows };
}

export function formatComparison({ rows }) {
  const show = (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : 'missing');
  const w = Math.max(...rows.map((r) => r.label.length));
  const lines = [`${'count'.padEnd(w)}  ${'duckdb'.padStart(12)}  ${'datacheck'.padStart(12)}`];
  for (const r of rows) {
    lines.push(`${r.label.padEnd(w)}  ${show(r.duckdb).padStart(12)}  ${show(r.datacheck).padStart(12)}  ${r.same ? 'ok' : 'DIFFERENT'}`);
  }
  return lines.join('\n');
}
