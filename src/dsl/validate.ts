import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import type { IssueCode } from '../model/issue-codes.js';

/** Fails at definition time, with the file:line of the declaration, if a regex does not compile. */
export function checkRegex(source: string, flags: string, location: SourceLocation): void {
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new DatacheckError({
      code: 'check.invalid_regex',
      message: `invalid regular expression /${source}/${flags}: ${(e as Error).message}`,
      location,
      expected: 'a valid JavaScript regular expression',
      found: `/${source}/${flags}`,
    });
  }
}

/** Rejects option objects with keys the check does not know (typos like `mostli`) and out-of-range values. */
export function checkOptions(options: object | undefined, allowed: readonly string[], what: string, location: SourceLocation): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new DatacheckError({
      code: 'check.invalid_option',
      message: `${what}: options must be an object like { mostly: 0.95 }`,
      location,
      expected: 'an options object',
      found: JSON.stringify(options),
    });
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new DatacheckError({
        code: 'check.unknown_option',
        message: `${what}: unknown option '${key}'`,
        location,
        expected: allowed.length ? `one of ${allowed.map((k) => `'${k}'`).join(', ')}` : 'no options',
        found: `'${key}'`,
      });
    }
  }
  const mostly = (options as { mostly?: unknown }).mostly;
  if (mostly !== undefined && (typeof mostly !== 'number' || !(mostly >= 0 && mostly <= 1))) {
    throw new DatacheckError({
      code: 'check.invalid_option',
      message: `${what}: 'mostly' is the share of rows that must pass, between 0 and 1`,
      location,
      expected: 'a number between 0 and 1',
      found: JSON.stringify(mostly),
    });
  }
}

/**
 * Rejects a bound whose lower end lies above its upper end (`between(10, 1)`): no value could
 * pass, so the check would report every row as failing data when the mistake is in the check.
 * Numbers compare as numbers; two ISO dates/timestamps as instants; other strings in code-unit
 * order (how the engines compare strings).
 */
export function checkBoundOrder(
  min: unknown,
  max: unknown,
  what: string,
  location: SourceLocation,
  options: { strict?: boolean; code?: IssueCode } = {},
): void {
  if (min === null || min === undefined || max === null || max === undefined) return;
  const empty = isAbove(min, max) || (options.strict === true && !isAbove(max, min) && !isAbove(min, max) && typeof min === typeof max);
  if (!empty) return;
  throw new DatacheckError({
    code: options.code ?? 'check.invalid_option',
    message:
      options.strict && !isAbove(min, max)
        ? `${what}: a strict bound from ${JSON.stringify(min)} to ${JSON.stringify(max)} is empty, so no value could pass`
        : `${what}: the lower bound ${JSON.stringify(min)} is above the upper bound ${JSON.stringify(max)}, so no value could pass`,
    location,
    expected: options.strict ? 'min < max' : 'min <= max',
    found: `min ${JSON.stringify(min)}, max ${JSON.stringify(max)}`,
  });
}

function isAbove(min: unknown, max: unknown): boolean {
  if (typeof min === 'number' && typeof max === 'number') return min > max;
  if (typeof min === 'string' && typeof max === 'string') {
    const a = Date.parse(min);
    const b = Date.parse(max);
    if (ISO_DATE.test(min) && ISO_DATE.test(max) && Number.isFinite(a) && Number.isFinite(b)) return a > b;
    return min > max;
  }
  return false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
