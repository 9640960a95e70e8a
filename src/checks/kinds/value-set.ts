import type { Scalar } from '../../model/contract.js';
import type { Expr } from '../../model/expr.js';
import type { ValueSetMeasure } from '../../model/measure.js';
import type { MetricSpec, TopValuesValue } from '../../model/metric.js';
import { defineCheckKind } from '../check-kind.js';
import type { CheckKind, Evaluation } from '../check-kind.js';
import { listText } from '../column-values.js';

type Listed = string | number | boolean;
export type ValueSetRule = 'one_of' | 'within' | 'contains' | 'equals';

export interface ValueSetParams {
  of: 'most_common' | 'distinct';
  rule: ValueSetRule;
  values: Scalar[];
}

/**
 * The column's exact value counts are kept up to this many distinct values (as drift keeps them);
 * past it the check ends `metric.too_many_values`: a set check over a key-like column is a mistake,
 * and a partial set would be a guess.
 */
export const VALUE_SET_MAX_DISTINCT = 100_000;

/** Values listed in a measure and a message: the first 20 in value order, with full counts beside them. */
const LISTED = 20;

const RULE_TEXT: Record<ValueSetRule, string> = {
  one_of: 'one of',
  within: 'within',
  contains: 'containing',
  equals: 'equal to',
};

/** One value as both sides read it: 64-bit ints as numbers (engines return numbers), others as they are. */
const keyOf = (v: Scalar | Listed): string => {
  const x = typeof v === 'bigint' ? Number(v) : v;
  return `${typeof x}:${String(x)}`;
};
const byValue = (a: Listed, b: Listed) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Set checks on a column's values, from its exact value counts (nulls and NaN left out):
 * - `mostCommon().oneOf(list)`: the most frequent value is in the list. Ties: every value tied at
 *   the highest count must be in it (no tie-break would be right for every data set), listed in
 *   value order; a column with no values fails.
 * - `distinctValues().within(list)`: every value is in the list (subset); `.contains(list)`: every
 *   listed value occurs (superset); `.equals(list)`: both.
 */
export const valueSet: CheckKind<ValueSetParams> = defineCheckKind<ValueSetParams>({
  kind: 'value_set',
  scope: 'column',
  observes: 'values',
  metrics: (def, ctx) => [countsSpec(def.column!, ctx.where)],
  evaluate(def, m, ctx) {
    const counts = m.value<TopValuesValue>(countsSpec(def.column!, ctx.where));
    const expected = `${RULE_TEXT[def.params.rule]} (${listText(def.params.values)})`;
    if (counts.truncated) {
      const message = `${def.column} has more than ${VALUE_SET_MAX_DISTINCT} distinct values: a set check needs every value counted`;
      return {
        outcome: 'error',
        expected,
        message,
        issue: {
          code: 'metric.too_many_values',
          message,
          location: def.location,
          expected: `at most ${VALUE_SET_MAX_DISTINCT} distinct values`,
        },
      };
    }
    return judge(def.params, counts, expected, def.column!);
  },
  describe: (def) =>
    `${def.column} ${def.params.of === 'most_common' ? 'most common value' : 'distinct values'} ${RULE_TEXT[def.params.rule]} (${listText(def.params.values)})`,
});

/** The one spec both rules read, so several set checks on a column share one count. */
function countsSpec(column: string, where: Expr | undefined): MetricSpec {
  return { kind: 'top_values', column, k: VALUE_SET_MAX_DISTINCT, maxDistinct: VALUE_SET_MAX_DISTINCT, ...(where && { where }) };
}

function judge(p: ValueSetParams, counts: TopValuesValue, expected: string, column: string): Evaluation {
  const listed = new Set(p.values.map(keyOf));
  const present = new Map(counts.top.map((t) => [keyOf(t.value), t.value]));
  const top = counts.top[0];
  const tied = p.of === 'most_common' && top ? counts.top.filter((t) => t.count === top.count).map((t) => t.value) : [];
  const considered = p.of === 'most_common' ? tied : counts.top.map((t) => t.value);
  const unexpected = p.rule === 'contains' ? [] : considered.filter((v) => !listed.has(keyOf(v))).sort(byValue);
  const missing =
    p.rule === 'contains' || p.rule === 'equals'
      ? p.values.filter((v) => v !== null && !present.has(keyOf(v))).map((v) => (typeof v === 'bigint' ? Number(v) : v) as Listed)
      : [];
  const noValue = p.of === 'most_common' && !top;
  const ok = !noValue && unexpected.length === 0 && missing.length === 0;
  const measure: ValueSetMeasure = {
    type: 'value_set',
    of: p.of,
    rule: p.rule,
    distinct: counts.distinct ?? counts.top.length,
    ...(p.of === 'most_common' && top && { mostCommon: { values: tied.slice(0, LISTED), count: top.count } }),
    missing: missing.slice(0, LISTED),
    missingCount: missing.length,
    unexpected: unexpected.slice(0, LISTED),
    unexpectedCount: unexpected.length,
  };
  // What reports print beside `expected`: the column's own values (the tied ones, or the distinct ones), bounded.
  const observed = (p.of === 'most_common' ? tied : [...considered].sort(byValue)).slice(0, LISTED);
  return {
    outcome: ok ? 'pass' : 'fail',
    observed,
    expected,
    message: message(p, column, tied, top?.count, unexpected, missing, noValue),
    measure,
  };
}

function message(
  p: ValueSetParams,
  column: string,
  tied: Listed[],
  count: number | undefined,
  unexpected: Listed[],
  missing: Listed[],
  noValue: boolean,
): string {
  const list = (vs: Listed[]) => `${listText(vs.slice(0, LISTED))}${vs.length > LISTED ? ` and ${vs.length - LISTED} more` : ''}`;
  if (noValue) return `${column} has no non-null value, so no most common value`;
  const parts: string[] = [];
  if (p.of === 'most_common') parts.push(`most common: ${list(tied)} (${count} rows${tied.length > 1 ? ' each, tied' : ''})`);
  if (unexpected.length > 0) parts.push(`not in the list: ${list(unexpected)}`);
  if (missing.length > 0) parts.push(`missing: ${list(missing)}`);
  if (parts.length === 0) parts.push(`distinct values ${RULE_TEXT[p.rule]} the list`);
  return parts.join('; ');
}
