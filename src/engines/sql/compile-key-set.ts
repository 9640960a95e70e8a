import { compareKeys } from '../../model/key-set.js';
import type { KeyPart, KeySetValue, MetricSpec } from '../../model/metric.js';
import type { ExprContext } from './compile-expr.js';
import { columnValue } from './compile-expr.js';
import type { CompileInput } from './compile-input.js';
import { filterOf } from './compile-input.js';
import type { CompiledQuery } from './compiled-query.js';
import { topValueFilter } from './compile-profile-queries.js';

/**
 * The distinct keys of a key set: one GROUP BY over rows whose every part is non-null (and not
 * NaN, as in the Arrow engine), LIMIT maxKeys + 1, so at most one key past the limit travels and
 * a larger set is `truncated` without being read. Sorted here, in JavaScript, so every engine
 * orders keys alike (collations differ between databases).
 */
export function keySetQuery(
  key: string,
  spec: Extract<MetricSpec, { kind: 'key_set' }>,
  ctx: ExprContext,
  input: CompileInput,
): CompiledQuery {
  const parts = spec.columns.map((c) => columnValue(c, ctx));
  return {
    label: `distinct keys (${spec.columns.join(', ')})`,
    keys: [key],
    select: {
      t: 'select',
      columns: parts.map((p, i) => ({ expr: p.sql, alias: `__dc_k${i}` })),
      from: input.from,
      where: filterOf(undefined, ctx, ...parts.flatMap(topValueFilter)),
      groupBy: parts.map((p) => p.sql),
      limit: spec.maxKeys + 1,
    },
    apply(rows, s) {
      const value: KeySetValue =
        rows.length > spec.maxKeys
          ? { keys: [], truncated: true }
          : { keys: rows.map((r) => parts.map((_, i) => r[`__dc_k${i}`] as KeyPart)).sort(compareKeys), truncated: false };
      s.results.set(key, { ok: true, value });
    },
  };
}
