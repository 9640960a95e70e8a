import type { Bound } from '../model/check.js';
import type { MeasuredBound } from '../model/measure.js';

/** `mostly`: the share of considered rows that must pass. Over zero rows there is nothing to fail. */
export function passesMostly(considered: number, failed: number, mostly: number): boolean {
  if (considered === 0) return true;
  // A tiny epsilon so 0.95 * 20 = 19 passes with exactly 19 good rows despite float rounding.
  return considered - failed >= mostly * considered - 1e-9;
}

/** Is `value` inside the bound? Both ends inclusive unless strict. Values and ends are comparable. */
export function withinBound(
  value: number | string,
  bound: { min: number | string | null; max: number | string | null; strict?: boolean },
): boolean {
  const { min, max, strict } = bound;
  if (min !== null && (strict ? !(value > min) : !(value >= min))) return false;
  if (max !== null && (strict ? !(value < max) : !(value <= max))) return false;
  return true;
}

/** A bound as result data: strictness always stated. */
export function measuredBound(bound: Bound): MeasuredBound {
  return { min: bound.min, max: bound.max, strict: bound.strict ?? false };
}

export function describeBound(bound: Bound, show: (v: number | string) => string = String): string {
  const { min, max, strict } = bound;
  if (min !== null && max !== null) {
    if (min === max && !strict) return `equal to ${show(min)}`;
    return strict ? `strictly between ${show(min)} and ${show(max)}` : `between ${show(min)} and ${show(max)}`;
  }
  if (min !== null) return strict ? `greater than ${show(min)}` : `at least ${show(min)}`;
  return strict ? `less than ${show(max!)}` : `at most ${show(max!)}`;
}

export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct === 0 || pct === 100) return `${pct}%`;
  return `${pct < 0.1 ? pct.toPrecision(2) : pct.toFixed(1)}%`;
}
