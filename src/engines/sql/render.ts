import type { From, Select, SqlExpr } from './ast.js';
import type { Dialect } from './dialect.js';
import type { SqlQuery } from './sql-connection.js';

/**
 * Renders a SELECT for one dialect: identifiers quoted by it, every value a bound parameter, or,
 * for a dialect with a `literal` hook, a literal rendered by that one escaping function.
 */
export function renderSelect(select: Select, dialect: Dialect): SqlQuery {
  const params: unknown[] = [];
  const literal = dialect.literal;
  const bind = literal
    ? (v: unknown) => literal(v)
    : (v: unknown) => {
        params.push(v);
        return dialect.param(params.length);
      };
  return { sql: new Renderer(dialect, bind).select(select, ''), params };
}

class Renderer {
  constructor(
    private readonly d: Dialect,
    private readonly bind: (v: unknown) => string,
  ) {}

  select(s: Select, indent: string): string {
    const inner = `${indent}  `;
    // Rendered first: parameters are numbered in the order they appear in the text.
    const ctes = (s.with ?? []).map((w) => `${this.d.quoteIdent(w.name)} AS (\n${inner}${this.select(w.query, inner)}\n${indent})`);
    const items = s.columns === '*' ? ['*'] : s.columns.map((c) => `${this.expr(c.expr)} AS ${this.d.quoteIdent(c.alias)}`);
    for (const c of s.extra ?? []) items.push(`${this.expr(c.expr)} AS ${this.d.quoteIdent(c.alias)}`);
    const lines = [
      ...(ctes.length > 0 ? [`WITH ${ctes.join(', ')}`] : []),
      `SELECT`,
      items.map((x) => `${inner}${x}`).join(',\n'),
      `${indent}FROM ${this.from(s.from, inner)}`,
    ];
    if (s.where) lines.push(`${indent}WHERE ${this.expr(s.where)}`);
    if (s.groupBy?.length) lines.push(`${indent}GROUP BY ${s.groupBy.map((e) => this.expr(e)).join(', ')}`);
    if (s.having) lines.push(`${indent}HAVING ${this.expr(s.having)}`);
    if (s.orderBy?.length)
      lines.push(`${indent}ORDER BY ${s.orderBy.map((o) => `${this.expr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
    if (s.limit !== undefined) lines.push(`${indent}LIMIT ${integer(s.limit)}`);
    return lines.join('\n');
  }

  from(f: From, indent: string): string {
    if (f.t === 'subquery') return `(\n${indent}${this.select(f.query, indent)}\n${indent.slice(2)}) AS ${this.d.quoteIdent(f.alias)}`;
    const alias = f.alias ? ` AS ${this.d.quoteIdent(f.alias)}` : '';
    const rel = f.relation;
    if (rel.kind === 'table') return `${rel.parts.map((p) => this.d.quoteIdent(p)).join('.')}${alias}`;
    // A user's own query is SQL by definition: it is wrapped, never edited.
    if (rel.kind === 'query') return `(${rel.sql})${alias || ` AS ${this.d.quoteIdent('q')}`}`;
    const own = this.d.relation?.(rel, this.bind);
    if (own === undefined) throw new Error(`the ${this.d.name} dialect cannot read files directly`);
    return `${own}${alias}`;
  }

  expr(e: SqlExpr): string {
    const r = (x: SqlExpr) => this.expr(x);
    switch (e.t) {
      case 'col':
        return e.table === undefined ? this.d.quoteIdent(e.name) : `${this.d.quoteIdent(e.table)}.${this.d.quoteIdent(e.name)}`;
      case 'param':
        return this.bind(e.value);
      case 'num':
        return finite(e.value);
      case 'raw':
        return e.sql === 'TRUE' || e.sql === 'FALSE' ? (this.d.booleans?.[e.sql] ?? e.sql) : e.sql;
      case 'fn':
        return this.fn(e);
      case 'bin': {
        const [left, right] = [r(e.left), r(e.right)];
        if (e.op === '%' && this.d.remainder) return this.d.remainder(left, right);
        return e.binaryCollation ? `(${this.d.binaryCollate(left)} ${e.op} ${this.d.binaryCollate(right)})` : `(${left} ${e.op} ${right})`;
      }
      case 'logic':
        if (this.d.logic) return this.d.logic(e.op, e.args.map(r));
        return `(${e.args.map(r).join(` ${e.op} `)})`;
      case 'not':
        return this.d.not ? this.d.not(r(e.arg)) : `(NOT ${r(e.arg)})`;
      case 'is_null':
        return `(${r(e.arg)} IS ${e.negate ? 'NOT ' : ''}NULL)`;
      case 'in':
        if (this.d.inList) return this.d.inList(r(e.arg), e.list.map(r), e.negate);
        return `(${r(e.arg)} ${e.negate ? 'NOT IN' : 'IN'} (${e.list.map(r).join(', ')}))`;
      case 'among': {
        const values = e.values.map((v) => this.bind(v));
        return this.d.among ? this.d.among(r(e.arg), values) : `(${r(e.arg)} IN (${values.join(', ')}))`;
      }
      case 'case':
        return `CASE ${e.whens.map(([w, t]) => `WHEN ${r(w)} THEN ${r(t)}`).join(' ')}${e.else ? ` ELSE ${r(e.else)}` : ''} END`;
      case 'cast':
        return `CAST(${r(e.arg)} AS ${this.d.castType[e.type]})`;
      case 'try_cast':
        if (!/^[A-Z]+(\(\d+, \d+\))?$/.test(e.type)) throw new Error(`not a cast type: ${e.type}`);
        return `TRY_CAST(${r(e.arg)} AS ${e.type})`;
      case 'regex':
        return this.d.regex(r(e.subject), e.pattern, e.caseInsensitive, this.bind);
      case 'json_valid':
        if (!this.d.jsonValid) throw new Error(`the ${this.d.name} dialect has no JSON validity test`);
        return this.d.jsonValid(r(e.arg), this.bind);
      case 'binary_collate':
        return this.d.binaryCollate(r(e.arg));
      case 'exists':
        return `(${e.negate ? 'NOT ' : ''}EXISTS (${this.select(e.query, '    ')}))`;
      case 'in_select': {
        const key = e.args.length === 1 ? r(e.args[0]) : `(${e.args.map(r).join(', ')})`;
        return `(${key} ${this.d.inSelect ?? 'IN'} (${this.select(e.query, '    ')}))`;
      }
      case 'row_number':
        return this.d.rowNumber ?? 'row_number() OVER ()';
      case 'lag':
        return `lag(${r(e.arg)}) OVER (ORDER BY ${r(e.orderBy)})`;
      case 'window_count':
        return e.partition.length === 0 ? 'count(*) OVER ()' : `count(*) OVER (PARTITION BY ${e.partition.map(r).join(', ')})`;
      case 'window_sum':
        return `sum(${r(e.arg)}) OVER ()`;
    }
  }

  private fn(e: Extract<SqlExpr, { t: 'fn' }>): string {
    const d = this.d;
    let args = e.args;
    let filter = e.filter;
    if (e.fn === 'count_if' || (e.fn === 'count_star' && filter)) {
      const cond = e.fn === 'count_if' ? args[0] : filter!;
      // Rows where x is (not) null: count(x) is what a hand-written query says, and aggregates a
      // column instead of evaluating a filter per row.
      if (cond.t === 'is_null') {
        const values = this.fn({ t: 'fn', fn: 'count', args: [cond.arg] });
        return cond.negate ? values : `(${this.fn({ t: 'fn', fn: 'count_star', args: [] })} - ${values})`;
      }
      if (d.filterClause) return `count(*) FILTER (WHERE ${this.expr(cond)})`;
      if (d.countIf) return d.countIf(this.expr(cond));
      return `coalesce(sum(CASE WHEN ${this.expr(cond)} THEN 1 ELSE 0 END), 0)`;
    }
    if (filter && !d.filterClause) {
      // Without FILTER, rows outside the filter become NULL, which every aggregate here ignores.
      args = [{ t: 'case', whens: [[filter, args[0]]] }, ...args.slice(1)];
      filter = undefined;
    }
    const rendered = args.map((a) => this.expr(a));
    const hook = d.fns[e.fn];
    const core = hook ? hook(rendered) : DEFAULTS[e.fn](rendered);
    return filter ? `${core} FILTER (WHERE ${this.expr(filter)})` : core;
  }
}

const DEFAULTS: Record<Extract<SqlExpr, { t: 'fn' }>['fn'], (a: string[]) => string> = {
  length: (a) => `length(${a[0]})`,
  lower: (a) => `lower(${a[0]})`,
  upper: (a) => `upper(${a[0]})`,
  trim: (a) => `trim(${a[0]}, ${a[1]})`,
  abs: (a) => `abs(${a[0]})`,
  coalesce: (a) => `coalesce(${a.join(', ')})`,
  is_nan: (a) => `isnan(${a[0]})`,
  epoch_ms: (a) => `epoch_ms(${a[0]})`,
  count_if: (a) => `count_if(${a[0]})`,
  count_star: () => 'count(*)',
  count: (a) => `count(${a[0]})`,
  count_distinct: (a) => `count(DISTINCT ${a[0]})`,
  sum: (a) => `sum(${a[0]})`,
  min: (a) => `min(${a[0]})`,
  max: (a) => `max(${a[0]})`,
  avg: (a) => `avg(${a[0]})`,
  var_samp: (a) => `var_samp(${a[0]})`,
  quantile_cont: (a) => `quantile_cont(${a[0]}, ${a[1]})`,
  floor: (a) => `floor(${a[0]})`,
  approx_count_distinct: (a) => `approx_count_distinct(${a[0]})`,
  approx_quantile: (a) => `approx_quantile(${a[0]}, ${a[1]})`,
  ln: (a) => `ln(${a[0]})`,
};

function finite(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return String(x);
}

function integer(x: number): string {
  if (!Number.isSafeInteger(x) || x < 0) throw new Error(`not a row limit: ${x}`);
  return String(x);
}
