import type { PiiFindingsValue } from '../../model/metric.js';
import type { PiiKind } from '../../model/pii.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind } from '../check-kind.js';
import { rowLevelVerdict } from '../row-level.js';

export interface NoPiiParams {
  kinds: PiiKind[];
  /** ISO 3166 alpha-2 region whose national phone formats count (international ones always do). */
  phoneCountry: string;
}

/**
 * Free text holds no personal data of the given kinds (e-mail addresses, phone numbers, payment
 * card numbers, IBANs, national identifiers with a checksum; src/pii/). A row fails when its value
 * holds at least one finding; nulls are not considered. Samples show the findings masked, never
 * the text, and the measure counts the rows per kind.
 */
export const noPii: CheckKind<NoPiiParams> = defineCheckKind<NoPiiParams>({
  kind: 'no_pii',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => [
    {
      kind: 'pii_findings',
      column: def.column!,
      kinds: [...def.params.kinds],
      phoneCountry: def.params.phoneCountry,
      ...(ctx.where && { where: ctx.where }),
      sampleSize: ctx.sampleSize,
    },
  ],
  evaluate(def, m, ctx) {
    const value = m.value<PiiFindingsValue>(noPii.metrics(def, ctx)[0]);
    const verdict = rowLevelVerdict(def, value, `values hold no ${def.params.kinds.join(', ')}`);
    const found = Object.fromEntries(def.params.kinds.map((k) => [k, value.found[k]]));
    const named = def.params.kinds.filter((k) => value.found[k] > 0).map((k) => `${k} in ${value.found[k]}`);
    return {
      ...verdict,
      message: named.length > 0 ? `${verdict.message}; found ${named.join(', ')}` : verdict.message,
      measure: { type: 'pii', considered: value.considered, failed: value.failed, mostly: def.mostly ?? 1, found },
    };
  },
  describe: (def) => `${def.column} holds no personal data (${def.params.kinds.join(', ')})`,
});
