import type { ExprLiteral } from '../../../model/expr.js';
import { decodeUtf8Column } from './utf8.js';

/**
 * Column-at-a-time values that expression evaluation passes between nodes. Every node of an
 * expression evaluates to one of these over the whole batch, so the hot loops run over typed
 * arrays and never build row objects.
 */

/** Which instants a number vector holds: plain numbers, or epoch milliseconds of a date/timestamp. */
export type NumKind = 'number' | 'date' | 'timestamp' | 'interval';

/** Numbers (ints, floats, decimals, dates and timestamps as epoch ms). `valid[i]` 1 = non-null; null = no nulls. */
export interface NumVec {
  t: 'num';
  kind: NumKind;
  v: Float64Array;
  valid: Uint8Array | null;
}

/**
 * Strings as a dictionary plus indices: for Dictionary<Utf8> columns this is the Arrow dictionary
 * (so per-value work such as a regex runs once per distinct entry); for plain Utf8 `dict` holds
 * the row strings and `idx` is null. A null entry (or index -1) is a null row.
 */
export interface StrVec {
  t: 'str';
  /** Rows in the batch. */
  n: number;
  /** Decoded entries; for plain Utf8 filled on first use by `dictOf` (byte-level ops may never need it). */
  dict?: (string | null)[];
  idx: Int32Array | null;
  /** Lazily-filled byte view of plain Utf8 columns, so `=`/`in` can compare bytes without decoding. */
  utf8?: Utf8View;
}

/** Tri-state booleans: 0 false, 1 true, 2 null. */
export interface BoolVec {
  t: 'bool';
  v: Uint8Array;
}

/** One value for every row (literals, now(), current_date). */
export interface ConstVec {
  t: 'const';
  value: ExprLiteral;
  /** Set when the constant is an instant (epoch ms), e.g. now(). */
  kind?: NumKind;
}

export type Vec = NumVec | StrVec | BoolVec | ConstVec;

/** Raw bytes of a plain Utf8 column: row i is bytes[offsets[i] .. offsets[i+1]). */
export interface Utf8View {
  bytes: Uint8Array;
  offsets: Int32Array | Float64Array;
  valid: Uint8Array | null;
}

export const TRUE = 1;
export const FALSE = 0;
export const NULL = 2;

/** The decoded entries of a string vector (decoding a plain Utf8 column on first use). */
export function dictOf(s: StrVec): (string | null)[] {
  if (!s.dict) s.dict = decodeUtf8Column(s.utf8!, s.n);
  return s.dict;
}

export const stringAt = (s: StrVec, i: number): string | null => {
  const dict = dictOf(s);
  return s.idx ? (s.idx[i] < 0 ? null : dict[s.idx[i]]) : dict[i];
};
