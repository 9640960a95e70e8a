import type { ExprLiteral } from '../model/expr.js';
import type { Issue } from '../model/issue.js';
import { DIALECTS } from '../engines/sql/dialects/index.js';
import { renderSelect } from '../engines/sql/render.js';
import type { OpenedSource } from '../sources/source.js';

/** The referenced column's distinct non-null values, read by SQL (for a dataset on another engine). */
export async function sqlDistinctKeys(source: OpenedSource, column: string): Promise<{ values: ExprLiteral[] } | { issue: Issue }> {
  const target = source.sql!;
  const columns = target.view?.columns ?? (await target.connection.describe(target.relation));
  if (!columns.some((c) => c.name === column)) {
    return { issue: { code: 'reference.unknown_column', message: `${source.description} has no column '${column}'`, expected: column, found: columns.map((c) => c.name).join(', ') } };
  }
  const ref = { t: 'col' as const, name: column };
  const query = renderSelect(
    { t: 'select', columns: [{ expr: ref, alias: 'k' }], from: target.view?.from ?? { t: 'relation', relation: target.relation }, where: { t: 'is_null', arg: ref, negate: true }, groupBy: [ref] },
    DIALECTS[target.connection.dialect],
  );
  const rows = await target.connection.query(query);
  return { values: rows.map((r) => r.k as ExprLiteral) };
}
