import { DatacheckError } from '../model/issue.js';

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  ms: 1,
  second: 1_000,
  sec: 1_000,
  s: 1_000,
  minute: 60_000,
  min: 60_000,
  m: 60_000,
  hour: 3_600_000,
  h: 3_600_000,
  day: 86_400_000,
  d: 86_400_000,
  week: 604_800_000,
  w: 604_800_000,
};

/**
 * Milliseconds of an interval text such as `7 days`, `24 hours`, `30 minutes`, `2 weeks` or
 * `1 day 12 hours` (units singular or plural, any case). Months and years are refused because
 * their length varies. Returns undefined when the text is not an interval.
 */
export function intervalMs(text: string): number | undefined {
  const re = /\s*([+-]?\d+(?:\.\d+)?)\s*([a-z]+)\s*/giy;
  let total = 0;
  let parts = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const unit = m[2].toLowerCase();
    const ms = UNIT_MS[unit] ?? UNIT_MS[unit.replace(/s$/, '')];
    if (ms === undefined) return undefined;
    total += Number(m[1]) * ms;
    parts++;
    if (re.lastIndex === text.length) break;
  }
  if (parts === 0 || re.lastIndex !== text.length) return undefined;
  return total;
}

export const INTERVAL_EXAMPLES = "'7 days', '24 hours', '30 minutes', '2 weeks'";

/** An instant from an ISO date or date-time text; a text without a zone is read as UTC. */
export function parseInstant(text: string): number {
  let t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}[ Tt]\d{2}:\d{2}/.test(t)) {
    t = t.replace(/^(\d{4}-\d{2}-\d{2})[ t]/, '$1T');
    if (!/([Zz]|[+-]\d{2}(:?\d{2})?)$/.test(t)) t += 'Z';
  }
  const ms = /^\d{4}-\d{2}-\d{2}/.test(t) ? Date.parse(t) : NaN;
  if (Number.isNaN(ms)) {
    throw new DatacheckError({
      code: 'expr.bad_literal',
      message: `'${text}' is not an ISO date or timestamp`,
      expected: "an ISO date or timestamp such as '2024-05-01' or '2024-05-01T12:00:00Z'",
      found: text,
    });
  }
  return ms;
}
