import type { ColumnDef, Scalar } from '../../model/contract.js';
import type { DataProfile, ProfiledColumn } from './profile-data.js';

/** A column as suggest proposes it: the ColumnDef fields it sets, which the writer turns into `col` calls. */
export type SuggestedColumn = { name: string } & Pick<ColumnDef, 'type' | 'nullable' | 'primaryKey' | 'oneOf' | 'min' | 'max' | 'format'>;

/**
 * Allowed values are suggested for a string column of at most this many distinct values, when
 * each value appears at least twice on average: a short closed list (a status, a country code),
 * not a few free-text values a small sample happens to hold.
 */
export const MAX_ALLOWED_VALUES = 10;

/**
 * The contract suggested for the profiled data. Every rule is one the data passed: types as the
 * engines read them, NOT NULL where no value was null, the observed range of numbers and dates,
 * allowed values for low-cardinality strings, the formats every value has, and the key: the first
 * column (an `id`-like name first) whose values are distinct and never null. A rule that would
 * only restate the type (a bound on a boolean) is left out.
 */
export function suggestColumns(profile: DataProfile): SuggestedColumn[] {
  const key = pickKey(profile);
  return profile.columns.map((c) => {
    const nullable = (c.profile.nullCount ?? 1) > 0;
    const out: SuggestedColumn = { name: c.name, type: c.type, nullable };
    if (c.name === key) out.primaryKey = true;
    const family = c.type.type;
    if (
      (family === 'int' || family === 'float' || family === 'decimal' || family === 'date') &&
      c.profile.min !== undefined &&
      c.profile.min !== null
    ) {
      const ok = (v: unknown) => (family === 'date' ? typeof v === 'string' : typeof v === 'number' && Number.isFinite(v));
      if (ok(c.profile.min) && ok(c.profile.max)) {
        out.min = c.profile.min as number | string;
        out.max = c.profile.max as number | string;
      }
    }
    if (family === 'string') {
      const allowed = allowedValues(c, profile.rowCount);
      if (allowed && c.name !== key) out.oneOf = allowed;
      // FORMATS (profile-data.ts) lists the narrowest first, so the first that passed is kept.
      else if (c.formats.length > 0) out.format = c.formats[0];
    }
    return out;
  });
}

function allowedValues(c: ProfiledColumn, rows: number): Scalar[] | undefined {
  const top = c.profile.topValues;
  if (!top || top.truncated || top.top.length === 0) return undefined;
  const distinct = top.distinct ?? top.top.length;
  const nonNull = rows - (c.profile.nullCount ?? 0);
  if (distinct > MAX_ALLOWED_VALUES || top.top.length < distinct || nonNull < 2 * distinct) return undefined;
  return top.top.map((t) => t.value as Scalar).sort((a, b) => (String(a) < String(b) ? -1 : 1));
}

function pickKey(profile: DataProfile): string | undefined {
  if (profile.rowCount < 2) return undefined;
  const candidates = profile.columns.filter(
    (c) => c.distinct && (c.profile.nullCount ?? 1) === 0 && (c.type.type === 'int' || c.type.type === 'string'),
  );
  const idLike = (n: string) => /^(id|key|.*_id|.*_key|uuid|code)$/i.test(n);
  return (candidates.find((c) => idLike(c.name)) ?? candidates[0])?.name;
}
