import type { Issue } from '../model/issue.js';

/** How long one user file may take to load before the run gives up on it. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;

const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/;

/**
 * A load timeout as the config (`loadTimeout: '30s'` or milliseconds), `--load-timeout` or
 * `DATACHECK_LOAD_TIMEOUT` give it. Undefined means "not set here"; a bad value is an issue naming
 * where it came from.
 */
export function parseLoadTimeout(value: unknown, origin: string): { ms?: number; issue?: Issue } {
  if (value === undefined || value === '') return {};
  const m = typeof value === 'number' ? [String(value), String(value), 'ms'] : typeof value === 'string' ? DURATION.exec(value) : null;
  const ms = m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : m[2] === 's' ? 1000 : 1) : Number.NaN;
  if (Number.isFinite(ms) && ms > 0) return { ms: Math.round(ms) };
  return {
    issue: {
      code: 'config.invalid',
      message: `${origin}: load timeout ${JSON.stringify(value)} is not a duration`,
      expected: "a positive duration: milliseconds (30000) or '500ms', '30s', '2m'",
      found: JSON.stringify(value) ?? String(value),
    },
  };
}
