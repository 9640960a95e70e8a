import { typeText } from '../checks/type-compat.js';
import { display } from '../checks/column-values.js';
import { MASK } from '../evaluate/mask-pii.js';
import type { ContractDef } from '../model/contract.js';
import type { MetricResults, MetricSpec } from '../model/metric.js';
import type { ColumnProfile } from '../model/result.js';
import type { DatasetPlan } from '../plan/build-plan.js';

const ORDERED = new Set(['int', 'float', 'decimal', 'date', 'timestamp']);

/** Cheap per-column metrics for reports: nulls for every column, min/max for ordered ones. */
export function profileMetrics(contract: ContractDef): MetricSpec[] {
  const specs: MetricSpec[] = [{ kind: 'row_count' }, { kind: 'schema' }];
  for (const [name, c] of Object.entries(contract.columns)) {
    specs.push({ kind: 'null_count', column: name });
    if (ORDERED.has(c.type.type)) specs.push({ kind: 'min', column: name }, { kind: 'max', column: name });
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
    return {
      name,
      type: typeText(c.type),
      pii,
      ...(typeof nulls === 'number' && { nullCount: nulls }),
      ...(typeof distinct === 'number' && { distinctCount: distinct }),
      ...(min !== undefined && { min: show(min) }),
      ...(max !== undefined && { max: show(max) }),
    };
  });
}
