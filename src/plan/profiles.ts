import { typeText } from '../checks/type-compat.js';
import { display } from '../checks/column-values.js';
import { MASK } from '../evaluate/mask-pii.js';
import type { ContractDef } from '../model/contract.js';
import type { HistogramValue, MetricResults, MetricSpec, TopValuesValue } from '../model/metric.js';
import type { ColumnProfile } from '../model/result.js';
import type { DatasetPlan } from './build-plan.js';

const ORDERED = new Set(['int', 'float', 'decimal', 'date', 'timestamp']);
const CATEGORICAL = new Set(['string', 'bool']);

/** Bins of a profile histogram: enough to show a shape, few enough to draw in a 200 px chart. */
export const PROFILE_BINS = 20;
/** Values listed for a string or boolean column, and the cardinality past which none are. */
export const PROFILE_TOP_K = 10;
export const PROFILE_MAX_DISTINCT = 1000;

/**
 * How much of each column a run profiles. `basic`: nulls and min/max, which ride along in the
 * checks' own scan for free. `full` adds the distributions the HTML report charts (histograms, top
 * values): extra scans in SQL and kept values in the Arrow engine, so they are computed only when
 * a report shows them (see src/cli/commands/check.ts) or when asked for.
 */
export type ProfileLevel = 'basic' | 'full';

/**
 * Per-column metrics for reports: nulls for every column, min/max for ordered ones, and at level
 * `full`, for columns that are not pii, a histogram (ordered, not keys) or the most frequent values
 * (strings, booleans; a string key gives up at once, past PROFILE_MAX_DISTINCT values).
 * pii columns get no distribution: their values never leave the process, not even as bin edges.
 */
export function profileMetrics(contract: ContractDef, level: ProfileLevel = 'full'): MetricSpec[] {
  const specs: MetricSpec[] = [{ kind: 'row_count' }, { kind: 'schema' }];
  for (const [name, c] of Object.entries(contract.columns)) {
    specs.push({ kind: 'null_count', column: name });
    const ordered = ORDERED.has(c.type.type);
    if (ordered) specs.push({ kind: 'min', column: name }, { kind: 'max', column: name });
    if (c.pii || level === 'basic') continue;
    // A key's values are all distinct: its histogram is the costliest (every value kept until the
    // end) and says the least (ids are flat by construction); min and max show its range.
    if (ordered && !c.primaryKey && !c.unique) specs.push({ kind: 'histogram', column: name, bins: PROFILE_BINS });
    else if (CATEGORICAL.has(c.type.type))
      specs.push({ kind: 'top_values', column: name, k: PROFILE_TOP_K, maxDistinct: PROFILE_MAX_DISTINCT });
  }
  return specs;
}

export function columnProfiles(contract: ContractDef, plan: DatasetPlan, results: MetricResults): ColumnProfile[] {
  const get = (spec: MetricSpec) => {
    const r = results.get(plan.resolve(spec).key);
    return r?.ok ? r.value : undefined;
  };
  return Object.entries(contract.columns).map(([name, c]) => {
    const pii = c.pii === true;
    const nulls = get({ kind: 'null_count', column: name });
    const distinct = get({ kind: 'distinct_count', columns: [name] });
    const min = get({ kind: 'min', column: name });
    const max = get({ kind: 'max', column: name });
    const show = (v: unknown) => (pii && v !== null ? MASK : display(v, c.type));
    // pii columns never ask for these (profileMetrics), and never show them even if another plan did.
    const hist = pii ? undefined : (get({ kind: 'histogram', column: name, bins: PROFILE_BINS }) as HistogramValue | undefined);
    const top = pii
      ? undefined
      : (get({ kind: 'top_values', column: name, k: PROFILE_TOP_K, maxDistinct: PROFILE_MAX_DISTINCT }) as TopValuesValue | undefined);
    return {
      name,
      type: typeText(c.type),
      pii,
      ...(typeof nulls === 'number' && { nullCount: nulls }),
      // A check's exact distinct count, else the one the top values counted on their way (free).
      ...(typeof distinct === 'number' ? { distinctCount: distinct } : top?.distinct !== undefined && { distinctCount: top.distinct }),
      ...(min !== undefined && { min: show(min) }),
      ...(max !== undefined && { max: show(max) }),
      ...(hist && { histogram: { min: show(hist.min), max: show(hist.max), counts: hist.counts } }),
      ...(top && {
        topValues: {
          top: top.top.map((t) => ({ value: show(t.value), count: t.count })),
          ...(top.distinct !== undefined && { distinct: top.distinct }),
          truncated: top.truncated,
        },
      }),
    };
  });
}

/**
 * The profile a run computes for its reporters when not told: `full` only when the HTML report
 * will chart the distributions (they cost scans). `datacheck plan` asks the same for the same
 * reporters, so it prints what the run sends.
 */
export function profileFor(reporters: readonly { name: string }[], explicit: ProfileLevel | undefined): ProfileLevel {
  return explicit ?? (reporters.some((r) => r.name === 'html') ? 'full' : 'basic');
}
