import { parseDuration } from '../checks/duration.js';
import type { Bound } from '../model/check.js';
import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { checkOptions } from './validate.js';

/** A limit on a change: a number (absolute) or a percentage of the earlier value, '20%'. */
export type ChangeLimit = number | `${number}%`;

export interface ChangeOptions {
  /** Compare with the value as of this long ago ('7d', '24h'), not the previous run. */
  over?: string;
}

export interface AnomalyOptions {
  /** How many earlier runs make the band (default 20). */
  runs?: number;
  /** How many robust standard deviations (scaled MADs) from the median are normal (default 3). */
  sensitivity?: number;
  /** Fewer earlier values than this and the check is not judged: it passes with a note (default 5). */
  minRuns?: number;
  /** 'weekday': compare only with runs on the same UTC weekday (weekly seasonality). */
  seasonality?: 'weekday';
}

/** What the metric under `.change()` / `.anomaly()` is, as the check kinds' `of` parameter. */
export type TrackedBase = { kind: string; column?: string; params: Record<string, unknown>; location: SourceLocation };

/** Builds the check from the kind and its params; given by MetricBound, which owns SuiteCheck. */
export type MakeCheck<C> = (kind: 'change' | 'anomaly', params: Record<string, unknown>) => C;

const invalid = (message: string, location: SourceLocation, expected: string, found: unknown) =>
  new DatacheckError({ code: 'check.invalid_option', message, location, expected, found: JSON.stringify(found) ?? String(found) });

/** The tracked metric of a metric bound: `{ kind: 'row_count' }`, `{ kind: 'column_stat', stat: 'mean' }`. */
export function trackedOf(base: TrackedBase): Record<string, unknown> {
  return base.kind === 'column_stat' ? { kind: 'column_stat', ...base.params } : { kind: base.kind };
}

/** `.change()`: then `.atMost('20%')` (the size of the change) or `.between(-100, 100)` (signed). */
export class ChangeBound<C> {
  private readonly base: TrackedBase;
  private readonly make: MakeCheck<C>;
  private readonly overMs: number | undefined;
  constructor(base: TrackedBase, make: MakeCheck<C>, options: ChangeOptions | undefined) {
    const location = captureCallSite();
    checkOptions(options, ['over'], 'change', location);
    this.base = base;
    this.make = make;
    this.overMs = options?.over === undefined ? undefined : overMs(options.over, location);
  }
  /** The change, in either direction, is at most this: `atMost('20%')`, `atMost(1000)`. */
  atMost(limit: ChangeLimit): C {
    const location = captureCallSite();
    const { value, relative } = parseLimit(limit, location);
    if (value < 0) throw invalid('change().atMost() takes the largest allowed size of a change', location, 'a limit of 0 or more', limit);
    return this.check({ min: null, max: value }, relative, true);
  }
  /** The signed change lies between the two: `between(-100, 100)`, `between('-10%', '50%')`. */
  between(min: ChangeLimit, max: ChangeLimit): C {
    const location = captureCallSite();
    const lo = parseLimit(min, location);
    const hi = parseLimit(max, location);
    if (lo.relative !== hi.relative) {
      throw invalid('change().between() takes two numbers or two percentages', location, "between(-100, 100) or between('-10%', '10%')", [
        min,
        max,
      ]);
    }
    if (lo.value > hi.value) throw invalid('change().between(min, max) needs min <= max', location, 'min <= max', [min, max]);
    return this.check({ min: lo.value, max: hi.value }, lo.relative, false);
  }
  private check(bound: Bound, relative: boolean, magnitude: boolean): C {
    const params = { of: trackedOf(this.base), bound, relative, magnitude, ...(this.overMs !== undefined && { overMs: this.overMs }) };
    return this.make('change', params);
  }
}

/** The validated params of `.anomaly(options)`. */
export function anomalyParams(base: TrackedBase, options: AnomalyOptions | undefined): Record<string, unknown> {
  const location = captureCallSite();
  checkOptions(options, ['runs', 'sensitivity', 'minRuns', 'seasonality'], 'anomaly', location);
  const runs = options?.runs ?? 20;
  const minRuns = options?.minRuns ?? Math.min(5, runs);
  const sensitivity = options?.sensitivity ?? 3;
  const whole = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;
  if (!whole(runs, 1))
    throw invalid('anomaly(): runs is how many earlier runs make the band', location, 'a whole number of 1 or more', runs);
  if (!whole(minRuns, 1) || minRuns > runs) {
    throw invalid(
      'anomaly(): minRuns is how many earlier values the band needs',
      location,
      `a whole number from 1 to runs (${runs})`,
      minRuns,
    );
  }
  if (typeof sensitivity !== 'number' || !(sensitivity > 0) || !Number.isFinite(sensitivity)) {
    throw invalid(
      'anomaly(): sensitivity is how many spreads from the median are normal',
      location,
      'a positive number, e.g. 3',
      sensitivity,
    );
  }
  if (options?.seasonality !== undefined && options.seasonality !== 'weekday') {
    throw invalid('anomaly(): unknown seasonality', location, "'weekday'", options.seasonality);
  }
  return { of: trackedOf(base), runs, sensitivity, minRuns, ...(options?.seasonality && { seasonality: options.seasonality }) };
}

function parseLimit(limit: unknown, location: SourceLocation): { value: number; relative: boolean } {
  if (typeof limit === 'number' && Number.isFinite(limit)) return { value: limit, relative: false };
  const m = typeof limit === 'string' ? /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(limit) : null;
  if (!m) throw invalid('a change limit is a number or a percentage', location, "a number (100) or a percentage ('20%')", limit);
  return { value: Number(m[1]) / 100, relative: true };
}

function overMs(text: unknown, location: SourceLocation): number {
  const ms = typeof text === 'string' ? parseDuration(text) : undefined;
  if (ms === undefined || ms <= 0) throw invalid("change({ over }) takes a duration such as '7d'", location, "'7d', '24h', '30m'", text);
  return ms;
}
