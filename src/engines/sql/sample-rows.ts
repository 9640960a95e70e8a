import type { FailingRow } from '../../model/metric.js';
import { capSampleValue } from '../../model/sample-value.js';
import type { ColumnKinds } from './column-kinds.js';

const ROW = '__dc_row';

/**
 * A failing row from a sample query, shaped like the Arrow engine's: its 1-based row number (null
 * when the query numbered none: the relation has no one row order) and
 * JSON-friendly values (dates as `YYYY-MM-DD`, timestamps as ISO text; the connection hands
 * instants over as epoch milliseconds). Helper columns (row number, raw text) are left out; long
 * values are capped (SAMPLE_VALUE_MAX_CHARS).
 */
export function sampleRow(r: Record<string, unknown>, kinds: ColumnKinds, hidden: Set<string>, pick?: readonly string[]): FailingRow {
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(r)) {
    if (hidden.has(name) || (pick && !pick.includes(name))) continue;
    values[name] = capSampleValue(jsonValue(v, kinds.get(name)));
  }
  return { row: r[ROW] === undefined ? null : Number(r[ROW]), values };
}

function jsonValue(v: unknown, kind: string | undefined): unknown {
  // A boolean stored as a number (ClickHouse's UInt8) is shown as the boolean it is.
  if (typeof v === 'number' && kind === 'bool') return v !== 0;
  if (typeof v === 'number' && (kind === 'date' || kind === 'timestamp')) {
    if (!Number.isFinite(v)) return null;
    const iso = new Date(v).toISOString();
    return kind === 'date' && v % 86_400_000 === 0 ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}
