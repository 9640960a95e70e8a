import { DatacheckError } from '../model/issue.js';

/** Regexes compiled once per (source, flags) for the life of the process. */
const cache = new Map<string, RegExp>();

export function compileRegex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    try {
      // Stateful flags would make `test` depend on the previous row.
      re = new RegExp(source, flags.replace(/[gy]/g, ''));
    } catch (e) {
      throw new DatacheckError({
        code: 'expr.regex',
        message: `invalid regular expression /${source}/${flags}: ${(e as Error).message}`,
        expected: 'a JavaScript regular expression',
        found: source,
      });
    }
    cache.set(key, re);
  }
  return re;
}
