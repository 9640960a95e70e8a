import type { Bound } from '../../model/check.js';
import type { Scalar } from '../../model/contract.js';
import type { Expr, ExprLiteral } from '../../model/expr.js';
import type { FailuresValue, MetricSpec } from '../../model/metric.js';
import { and, call, col, inList, isNull, lit, or } from '../../expr/build.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, PlanContext } from '../check-kind.js';
import { listText } from '../column-values.js';
import { describeBound, measuredBound, withinBound } from '../thresholds.js';

/**
 * What counts as a violating row, as the Open Data Contract Standard's library metrics define it:
 * `null` (nullValues), `missing` (missingValues: a null or one of the listed values), `invalid`
 * (invalidValues: a non-null value outside the valid values and not matching the pattern),
 * `duplicate` (duplicateValues: a row whose non-null key another row repeats).
 */
export type Violation =
  | { rule: 'null' }
  | { rule: 'missing'; values: (Scalar | null)[] }
  | { rule: 'invalid'; values?: (Scalar | null)[]; pattern?: string }
  | { rule: 'duplicate'; columns: string[] };

export interface ViolationsParams {
  violation: Violation;
  /** The number (unit rows) or the share in percent (0..100) of violating rows is held to this bound. */
  bound: Bound;
  /** mustNotBe / mustNotBeBetween: the number must lie outside the bound. */
  outside?: boolean;
  unit: 'rows' | 'percent';
}

const literals = (values: readonly (Scalar | null)[]): ExprLiteral[] =>
  values.filter((v): v is Scalar => v !== null).map((v) => (typeof v === 'bigint' ? Number(v) : v));

/** The predicate a row passes when it does not violate. A null predicate never fails a row, so nulls are tested by name. */
function passing(v: Exclude<Violation, { rule: 'duplicate' }>, column: string): { predicate: Expr; includeNulls: boolean } {
  const c = col(column);
  const notNull = isNull(c, true);
  if (v.rule === 'null') return { predicate: notNull, includeNulls: true };
  if (v.rule === 'missing') {
    const listed = literals(v.values);
    return { predicate: listed.length > 0 ? and(notNull, inList(c, listed, true)) : notNull, includeNulls: true };
  }
  const tests: Expr[] = [];
  const valid = literals(v.values ?? []);
  if (valid.length > 0) tests.push(inList(c, valid));
  if (v.pattern !== undefined) tests.push(call('matches', c, lit(v.pattern)));
  return { predicate: tests.length === 0 ? notNull : or(...tests), includeNulls: false };
}

/**
 * duplicateValues counts the rows beyond the first of each key (rows with a non-null key minus
 * distinct keys), as datacontract-cli, ODCS's reference runner, does: one id written twice is
 * 1 duplicate. Its rows are sampled from the duplicate groups (every row sharing a key).
 */
function distinctOf(v: Extract<Violation, { rule: 'duplicate' }>, ctx: PlanContext): MetricSpec {
  return { kind: 'distinct_count', columns: v.columns, ...(ctx.where && { where: ctx.where }) };
}

function metricOf(def: { column?: string; params: ViolationsParams }, ctx: PlanContext): MetricSpec {
  const v = def.params.violation;
  const where = ctx.where && { where: ctx.where };
  if (v.rule === 'duplicate') return { kind: 'duplicate_count', columns: v.columns, ...where, sampleSize: ctx.sampleSize };
  const { predicate, includeNulls } = passing(v, def.column!);
  return {
    kind: 'predicate_failures',
    column: def.column!,
    predicate,
    ...(includeNulls && { includeNulls }),
    ...where,
    sampleSize: ctx.sampleSize,
  };
}

const NAMES = { null: 'null values', missing: 'missing values', invalid: 'invalid values', duplicate: 'duplicate rows' } as const;

function expectation(p: ViolationsParams): string {
  const unit = p.unit === 'percent' ? ' %' : '';
  const bound = describeBound(p.bound, (x) => `${x}${unit}`);
  return p.outside ? `not ${bound}` : bound;
}

/**
 * The number (or percentage) of violating rows is within a bound: the Open Data Contract
 * Standard's `nullValues`, `missingValues`, `invalidValues` and `duplicateValues` with any of its
 * operators (`mustBe`, `mustNotBe`, `mustBeGreaterThan`, ..., `mustBeBetween`) and `unit: percent`.
 * Unlike `mostly`, a bound can be strict and can ask for violations (mustBeGreaterThan 0).
 */
export const violations: CheckKind<ViolationsParams> = defineCheckKind<ViolationsParams>({
  kind: 'violations',
  scope: 'column',
  observes: 'counts',
  metrics: (def, ctx) => {
    const v = def.params.violation;
    return v.rule === 'duplicate' ? [metricOf(def, ctx), distinctOf(v, ctx)] : [metricOf(def, ctx)];
  },
  evaluate(def, m, ctx) {
    const counted = m.value<FailuresValue>(metricOf(def, ctx));
    const v = def.params.violation;
    const { considered, sample } = counted;
    const failed = v.rule === 'duplicate' ? considered - m.value<number>(distinctOf(v, ctx)) : counted.failed;
    const p = def.params;
    // Percent of the rows the rule looks at: every row for nulls and missing values, the non-null ones otherwise.
    const measured = p.unit === 'percent' ? (considered === 0 ? 0 : (failed * 100) / considered) : failed;
    const ok = withinBound(measured, p.bound) !== (p.outside ?? false);
    const shown = p.unit === 'percent' ? `${Number(measured.toFixed(4))} %` : String(measured);
    return {
      outcome: ok ? 'pass' : 'fail',
      observed: { failed, considered, ...(p.unit === 'percent' && { percent: measured }) },
      expected: `${NAMES[p.violation.rule]} ${expectation(p)}`,
      message: `${shown} ${NAMES[p.violation.rule]} (${failed} of ${considered} rows)${ok ? '' : `, expected ${expectation(p)}`}`,
      measure: { type: 'count', of: 'rows', value: measured, bound: measuredBound(p.bound) },
      rows: { considered, failed },
      ...(failed > 0 && { failingRows: sample }),
    };
  },
  describe(def) {
    const v = def.params.violation;
    const what =
      v.rule === 'duplicate'
        ? `duplicate (${v.columns.join(', ')})`
        : v.rule === 'missing'
          ? `${def.column} missing (${listText(v.values)})`
          : v.rule === 'invalid'
            ? `${def.column} invalid${v.values ? ` (not in ${listText(v.values)})` : ''}${v.pattern !== undefined ? ` (not /${v.pattern}/)` : ''}`
            : `${def.column} null`;
    return `${what} rows ${expectation(def.params)}`;
  },
});
