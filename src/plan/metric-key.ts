import type { MetricSpec } from '../model/metric.js';

/**
 * The canonical key of a metric: equal specs (whatever the property order) share a key and are
 * computed once. Sample sizes are not part of identity; the plan keeps the largest.
 */
export function metricKey(spec: MetricSpec): string {
  const { sampleSize: _ignored, ...rest } = spec as MetricSpec & { sampleSize?: number };
  return stableStringify(rest);
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? `"${value}n"` : (JSON.stringify(value) ?? 'null');
  }
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
