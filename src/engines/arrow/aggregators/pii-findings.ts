import { byRowNumber, type FailingRow, type PiiFindingsValue } from '../../../model/metric.js';
import { PII_KINDS } from '../../../model/pii.js';
import type { PiiKind } from '../../../model/pii.js';
import { DatacheckError } from '../../../model/issue.js';
import { countKinds, describeFindings, findPii, noneFound } from '../../../pii/find-pii.js';
import { describeVec } from '../expr/coerce.js';
import { stringAt } from '../expr/vec.js';
import type { Aggregator } from '../aggregator.js';
import { failingRow } from '../row-values.js';

/**
 * Personal data in a string column's free text: every non-null value that passes `where` goes
 * through the detectors (src/pii/). A sampled row shows only the column, as its findings masked:
 * the other columns of a row with personal data in free text may hold more of it.
 */
export const piiFindings = (spec: {
  column: string;
  kinds: PiiKind[];
  phoneCountry: string;
  sampleSize: number;
}): Aggregator<PiiFindingsValue> => ({
  init: () => ({ considered: 0, failed: 0, found: noneFound(), sample: [] }),
  update(s, input) {
    const v = input.columns.get(spec.column);
    if (v.t === 'const' && v.value === null) return; // an all-null column (Arrow Null type)
    if (v.t !== 'str') {
      throw new DatacheckError({
        code: 'metric.unsupported_type',
        message: `personal-data detection of '${spec.column}' needs a string column but found ${describeVec(v)}`,
        expected: 'a string column',
        found: describeVec(v),
      });
    }
    const options = { kinds: spec.kinds, phoneCountry: spec.phoneCountry };
    const sample = s.sample as FailingRow[];
    for (let i = 0; i < input.numRows; i++) {
      if (input.mask && input.mask[i] !== 1) continue;
      const text = stringAt(v, i);
      if (text === null) continue;
      s.considered++;
      const findings = findPii(text, options);
      if (findings.length === 0) continue;
      s.failed++;
      countKinds(s.found, findings);
      if (sample.length < spec.sampleSize) {
        sample.push({ ...failingRow(input.source, i, []), values: { [spec.column]: describeFindings(findings) } });
      }
    }
  },
  merge: (a, b) => ({
    considered: a.considered + b.considered,
    failed: a.failed + b.failed,
    found: Object.fromEntries(PII_KINDS.map((k) => [k, a.found[k] + b.found[k]])) as PiiFindingsValue['found'],
    sample: [...a.sample, ...b.sample].sort(byRowNumber).slice(0, spec.sampleSize),
  }),
  result: (s) => ({ ...s, found: { ...s.found }, sample: [...s.sample] }),
});
