import type { Scalar } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import { captureCallSite } from './call-site.js';

/**
 * A value as a contract stores it: plain JSON data. Dates become ISO strings and bigints numbers
 * (contracts stay serializable; engines compare dates as instants either way).
 */
export function plainValue(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') {
    // Contracts are JSON data and engines compare numbers as doubles: a bigint beyond 2^53 would be
    // rounded and could match a neighbouring id. Refuse it rather than compare the wrong value.
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new DatacheckError({
        code: 'check.unsupported_value',
        message: `${v}n is beyond ±2^53, which datacheck cannot compare exactly yet`,
        location: captureCallSite(),
        expected: 'an integer between -9007199254740991 and 9007199254740991',
        found: `${v}n`,
      });
    }
    return Number(v);
  }
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new DatacheckError({
    code: 'check.invalid_option',
    message: 'a bound must be a number, a bigint, a Date, an ISO string or null',
    location: captureCallSite(),
    expected: 'number | bigint | string | Date | null',
    found: typeof v,
  });
}

/** Allowed/forbidden values as plain scalars (booleans kept). */
export function plainScalars(values: readonly unknown[]): Scalar[] {
  return values.map((v) => (typeof v === 'boolean' ? v : (plainValue(v) as Scalar)));
}
