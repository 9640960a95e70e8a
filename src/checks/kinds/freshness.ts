import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { formatDuration, parseDuration } from '../duration.js';

/** The newest value of a timestamp/date column is recent enough (relative to when the run started). */
export const freshness: CheckKind<{ within: string }> = defineCheckKind<{ within: string }>({
  kind: 'freshness',
  scope: 'column',
  observes: 'values',
  metrics: (def, ctx) => [{ kind: 'max', column: def.column!, ...(ctx.where && { where: ctx.where }) }],
  evaluate(def, m, ctx) {
    const limit = parseDuration(def.params.within);
    if (limit === undefined) {
      return {
        outcome: 'error',
        message: `freshness window '${def.params.within}' is not a duration`,
        issue: {
          code: 'check.invalid_option',
          message: `'${def.params.within}' is not a duration`,
          expected: "a duration like '30m', '24h', '7d'",
          found: def.params.within,
          location: def.location,
        },
      };
    }
    const newest = m.value<number | string | null>(freshness.metrics(def, ctx)[0]);
    const expected = `newest value within ${def.params.within} of ${ctx.now.toISOString()}`;
    if (newest === null || typeof newest !== 'number') {
      return {
        outcome: 'fail',
        observed: null,
        expected,
        message: 'no values, so no evidence of fresh data',
        measure: { type: 'freshness', newest: null, withinMs: limit, now: ctx.now.toISOString() },
      };
    }
    const age = ctx.now.getTime() - newest;
    const ok = age <= limit;
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: { newest: new Date(newest).toISOString(), age: formatDuration(age) },
      expected,
      message: `newest value ${new Date(newest).toISOString()} is ${formatDuration(age)} old${ok ? '' : `, more than ${def.params.within}`}`,
      measure: { type: 'freshness', newest: new Date(newest).toISOString(), ageMs: age, withinMs: limit, now: ctx.now.toISOString() },
    };
  },
  describe: (def) => `${def.column} fresher than ${def.params.within}`,
});
