import type { Bound, Severity } from '../../model/check.js';
import type { Scalar } from '../../model/contract.js';
import type { Violation, ViolationsParams } from '../../checks/kinds/violations.js';
import type { OdcsQuality, Operator } from './odcs-document.js';
import { OPERATORS } from './odcs-document.js';

/** A quality rule's operator as a bound: `outside` for mustNotBe / mustNotBeBetween. */
export function boundOf(q: OdcsQuality): { bound: Bound; outside: boolean } | { error: string } {
  const present = OPERATORS.filter((op) => q[op] !== undefined);
  if (present.length !== 1)
    return { error: present.length === 0 ? 'no operator (mustBe, mustBeLessThan, ...)' : `several operators (${present.join(', ')})` };
  const op: Operator = present[0];
  const v = q[op] as number | [number, number];
  switch (op) {
    case 'mustBe':
      return { bound: { min: v as number, max: v as number }, outside: false };
    case 'mustNotBe':
      return { bound: { min: v as number, max: v as number }, outside: true };
    case 'mustBeGreaterThan':
      return { bound: { min: v as number, max: null, strict: true }, outside: false };
    case 'mustBeGreaterOrEqualTo':
      return { bound: { min: v as number, max: null }, outside: false };
    case 'mustBeLessThan':
      return { bound: { min: null, max: v as number, strict: true }, outside: false };
    case 'mustBeLessOrEqualTo':
      return { bound: { min: null, max: v as number }, outside: false };
    case 'mustBeBetween':
      return { bound: { min: (v as number[])[0], max: (v as number[])[1] }, outside: false };
    case 'mustNotBeBetween':
      return { bound: { min: (v as number[])[0], max: (v as number[])[1] }, outside: true };
  }
}

/** The ODCS operator for a bound (the inverse of boundOf). */
export function operatorOf(bound: Bound, outside = false): Pick<OdcsQuality, Operator> {
  const { strict } = bound;
  // Quality bounds are numbers (counts, percentages, query results).
  const min = bound.min === null ? null : Number(bound.min);
  const max = bound.max === null ? null : Number(bound.max);
  if (min !== null && max !== null) {
    if (min === max && !strict) return outside ? { mustNotBe: min } : { mustBe: min };
    return outside ? { mustNotBeBetween: [min, max] } : { mustBeBetween: [min, max] };
  }
  if (min !== null) return strict ? { mustBeGreaterThan: min } : { mustBeGreaterOrEqualTo: min };
  return strict ? { mustBeLessThan: max! } : { mustBeLessOrEqualTo: max! };
}

/** ODCS severities are free text ('error', 'warning', 'info'): anything but error only warns. */
export function severityOf(q: OdcsQuality): Severity {
  return q.severity === undefined || /^(error|critical|fatal)$/i.test(q.severity) ? 'error' : 'warn';
}

/** The violation a library metric counts, for a property (column) or the whole object (columns). */
export function violationOf(q: OdcsQuality, column: string | undefined): Violation | { error: string } | 'row_count' {
  const metric = q.metric ?? q.rule;
  const args = q.arguments ?? {};
  switch (metric) {
    case 'rowCount':
      return 'row_count';
    case 'nullValues':
      return column === undefined ? { error: 'nullValues needs a property' } : { rule: 'null' };
    case 'missingValues':
      if (column === undefined) return { error: 'missingValues needs a property' };
      return { rule: 'missing', values: Array.isArray(args.missingValues) ? (args.missingValues as (Scalar | null)[]) : [null] };
    case 'invalidValues': {
      if (column === undefined) return { error: 'invalidValues needs a property' };
      const values = Array.isArray(args.validValues) ? (args.validValues as (Scalar | null)[]) : undefined;
      const pattern = typeof args.pattern === 'string' ? args.pattern : undefined;
      if (!values && pattern === undefined) return { error: 'invalidValues needs arguments.validValues or arguments.pattern' };
      return { rule: 'invalid', ...(values && { values }), ...(pattern !== undefined && { pattern }) };
    }
    case 'duplicateValues': {
      if (column !== undefined) return { rule: 'duplicate', columns: [column] };
      const props = Array.isArray(args.properties) ? (args.properties as string[]) : undefined;
      return props ? { rule: 'duplicate', columns: props } : { error: 'duplicateValues on an object needs arguments.properties' };
    }
    default:
      return { error: `metric '${metric}' is not one of the ODCS library metrics datacheck checks` };
  }
}

/** The ODCS library rule for a violations check (the inverse of violationOf + boundOf). */
export function qualityOfViolations(p: ViolationsParams, onObject: boolean): OdcsQuality {
  const v = p.violation;
  const base = (metric: string, args?: Record<string, unknown>): OdcsQuality => ({
    type: 'library',
    metric,
    ...(args && { arguments: args }),
    ...operatorOf(p.bound, p.outside),
    ...(p.unit === 'percent' && { unit: 'percent' }),
  });
  switch (v.rule) {
    case 'null':
      return base('nullValues');
    case 'missing':
      return base('missingValues', { missingValues: v.values });
    case 'invalid':
      return base('invalidValues', { ...(v.values && { validValues: v.values }), ...(v.pattern !== undefined && { pattern: v.pattern }) });
    case 'duplicate':
      return onObject ? base('duplicateValues', { properties: v.columns }) : base('duplicateValues');
  }
}
