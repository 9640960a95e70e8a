import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';

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
export function checkOptions(
  options: object | undefined,
  allowed: readonly string[],
  what: string,
  location: SourceLocation,
): void {
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
