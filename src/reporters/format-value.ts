import type { Issue, SourceLocation } from '../model/issue.js';
import type { FailingRow } from '../model/metric.js';

/** A value as a person reads it: numbers rounded to 6 significant digits, strings quoted, short. */
export function formatValue(v: unknown, max = 80): string {
  let s: string;
  if (v === null) s = 'null';
  else if (v === undefined) s = 'undefined';
  else if (typeof v === 'number') s = formatNumber(v);
  else if (typeof v === 'bigint') s = v.toString();
  else if (typeof v === 'string') s = JSON.stringify(v);
  else if (typeof v === 'boolean') s = String(v);
  else {
    try {
      s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
    } catch {
      s = String(v);
    }
  }
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/**
 * `row 3 (line 4): id=3, status="lost"`; with several files `row 3 (data/b.csv, line 2): ...`;
 * `a row: ...` where the data has no row order to number it by (a ClickHouse Distributed table).
 */
export function formatFailingRow(r: FailingRow): string {
  const at = [r.file, r.line !== undefined ? `line ${r.line}` : undefined].filter((p) => p !== undefined);
  const row = r.row === null ? 'a row' : `row ${r.row}`;
  const where = at.length > 0 ? `${row} (${at.join(', ')})` : row;
  const values = Object.entries(r.values).map(([k, v]) => `${k}=${formatValue(v, 40)}`);
  return `${where}: ${values.join(', ')}`;
}

/** `checks/orders.check.ts:12` (and `:col` when asked). */
export function formatLocation(loc: SourceLocation | undefined, withColumn = false): string {
  if (!loc) return '';
  if (!loc.line) return loc.file;
  return withColumn && loc.column ? `${loc.file}:${loc.line}:${loc.column}` : `${loc.file}:${loc.line}`;
}

/** The lines under an issue: expected, found and hint, each only when known. */
export function issueDetails(issue: Issue): string[] {
  const out: string[] = [];
  if (issue.expected !== undefined) out.push(`expected: ${issue.expected}`);
  if (issue.found !== undefined) out.push(`found:    ${issue.found}`);
  if (issue.hint !== undefined) out.push(`hint:     ${issue.hint}`);
  return out;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Text from data, contracts and files with control characters made visible (`\u001b`, `\n`):
 * a column named with an escape sequence or a newline cannot repaint or forge lines of a CI log.
 */
export function printable(s: string): string {
  // JSON.stringify escapes C0 controls (`\n`, `\u001b`) but leaves DEL and C1 (U+007F-U+009F) as they are.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) =>
    ch < '\u007f' ? JSON.stringify(ch).slice(1, -1) : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A copy of a value with every string made printable, keys included. Values that formatValue
 * shows as JSON (observed values, failing-row values) are left as they are: JSON escapes them.
 */
export function printableDeep<T>(value: T, key = ''): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((v) => printableDeep(v, key)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const leaveValues = k === 'observed' || (key === 'values' && typeof v !== 'object');
    out[printable(k)] = leaveValues ? v : printableDeep(v, k);
  }
  return out as T;
}
