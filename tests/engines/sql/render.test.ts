import { describe, expect, it } from 'vitest';
import type { Select } from '../../../src/engines/sql/ast.js';
import { DIALECTS } from '../../../src/engines/sql/dialects/index.js';
import { renderSelect } from '../../../src/engines/sql/render.js';

const select: Select = {
  t: 'select',
  columns: [
    {
      expr: {
        t: 'fn',
        fn: 'count_if',
        args: [{ t: 'bin', op: '=', left: { t: 'col', name: 'we"ird`' }, right: { t: 'param', value: "it's" } }],
      },
      alias: 'n',
    },
    {
      expr: { t: 'fn', fn: 'sum', args: [{ t: 'col', name: 'x' }], filter: { t: 'is_null', arg: { t: 'col', name: 'x' }, negate: true } },
      alias: 's',
    },
  ],
  from: { t: 'relation', relation: { kind: 'table', parts: ['my schema', 'tab"le'] } },
  where: { t: 'bin', op: '>', left: { t: 'col', name: 'x' }, right: { t: 'param', value: 1 } },
};

describe('rendering one SELECT per dialect', () => {
  it('quotes identifiers with the dialect, escaping its quote character', () => {
    expect(renderSelect(select, DIALECTS.duckdb).sql).toContain('"we""ird`"');
    expect(renderSelect(select, DIALECTS.postgres).sql).toContain('FROM "my schema"."tab""le"');
    expect(renderSelect(select, DIALECTS.spark).sql).toContain('`we"ird```');
    expect(renderSelect(select, DIALECTS.bigquery).sql).toContain('`we"ird\\``');
  });

  it('binds every value with the dialect placeholder, in order', () => {
    expect(renderSelect(select, DIALECTS.duckdb)).toMatchObject({ params: ["it's", 1] });
    expect(renderSelect(select, DIALECTS.duckdb).sql).toMatch(/\$1[\s\S]*\$2/);
    expect(renderSelect(select, DIALECTS.trino).sql).not.toMatch(/\$\d/);
    expect(renderSelect(select, DIALECTS.trino).sql).not.toContain("it's");
  });

  it('uses FILTER where the dialect has it, COUNT_IF or CASE otherwise', () => {
    expect(renderSelect(select, DIALECTS.postgres).sql).toContain('count(*) FILTER (WHERE ("we""ird`" = $1))');
    expect(renderSelect(select, DIALECTS.snowflake).sql).toContain('COUNT_IF(("we""ird`" = ?))');
    expect(renderSelect(select, DIALECTS.bigquery).sql).toContain('sum(CASE WHEN (`x` IS NOT NULL) THEN `x` END)');
  });
});
