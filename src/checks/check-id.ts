import { createHash } from 'node:crypto';
import type { CheckDef } from '../model/check.js';

/**
 * Stable, readable ids: `orders.amount.column_stat.3f9a1c`. The digest covers the params and the
 * filter so the same check keeps its id across runs (reports can be compared), while two different
 * checks on one column get different ids. Exact repeats get a `~2` suffix.
 */
export function assignCheckIds(checks: CheckDef[], taken = new Set<string>()): CheckDef[] {
  return checks.map((c) => {
    const target = c.column ?? (c.columns ? c.columns.join('+') : '*');
    const digest = createHash('sha1')
      .update(JSON.stringify([c.kind, c.params, c.where ?? null, c.mostly ?? null, c.origin]))
      .digest('hex')
      .slice(0, 6);
    const base = `${c.dataset}.${target}.${c.kind}.${digest}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    return { ...c, id };
  });
}
