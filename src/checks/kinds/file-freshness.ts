import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, Evaluation } from '../check-kind.js';
import { formatDuration, parseDuration } from '../duration.js';
import { readOrError } from '../read-or-error.js';

/**
 * The source files were modified recently enough (relative to when the run started, the run's
 * injectable clock): `freshness: { file: true, within: '6h' }` in defineContract. Of several
 * files (a glob), the newest modification time counts (src/run/answer-dataset-metrics.ts says why).
 */
export const fileFreshness: CheckKind<{ within: string }> = defineCheckKind<{ within: string }>({
  kind: 'file_freshness',
  scope: 'dataset',
  observes: 'counts',
  acceptsWhere: false,
  metrics: () => [{ kind: 'file_modified' }],
  evaluate(def, m, ctx): Evaluation {
    const limit = parseDuration(def.params.within);
    if (limit === undefined) {
      const message = `freshness window '${def.params.within}' is not a duration`;
      return {
        outcome: 'error',
        message,
        issue: {
          code: 'check.invalid_option',
          message,
          expected: "a duration like '30m', '24h', '7d'",
          found: def.params.within,
          location: def.location,
        },
      };
    }
    const read = readOrError<number>(m, { kind: 'file_modified' }, def.location);
    if (!read.ok) return read.error;
    const newest = read.value;
    const age = ctx.now.getTime() - newest;
    const ok = age <= limit;
    const at = new Date(newest).toISOString();
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: { modified: at, age: formatDuration(age) },
      expected: `modified within ${def.params.within} of ${ctx.now.toISOString()}`,
      message: `file modified ${at}, ${formatDuration(age)} old${ok ? '' : `, more than ${def.params.within}`}`,
      measure: { type: 'freshness', of: 'file', newest: at, ageMs: age, withinMs: limit, now: ctx.now.toISOString() },
    };
  },
  describe: (def) => `file modified within ${def.params.within}`,
});
