import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { copyProject, fakeIo } from './cli-harness.js';

/**
 * `datacheck plan --dialect postgres` for a PostgreSQL table: identifiers quoted, every value a `$n`
 * parameter listed beside the statement and never inside it, and no connection opened (the URL
 * variable is not even set).
 */
const VALUE = "it's'; DROP TABLE t; --";
function project(): string {
  const dir = copyProject('good');
  writeFileSync(
    path.join(dir, 'contracts/sales.contract.ts'),
    `import { col, defineContract } from 'datacheck';
export default defineContract({ name: 'sales', source: { table: 'weird schema.t"x', connection: 'pg' }, columns: {
  ["x\\"; DROP TABLE t; --"]: col.string().oneOf([${JSON.stringify(VALUE)}, '$1']),
  n: col.int64(),
} });
`,
  );
  writeFileSync(
    path.join(dir, 'checks/sales.check.ts'),
    `import { defineSuite } from 'datacheck';
import sales from '../contracts/sales.contract';
export default defineSuite(sales, (t) => [t.rowCount().atLeast(1).where("n % 3 = 1 and upper(\\"x\\"\\"; DROP TABLE t; --\\") != '100%_OFF'")]);
`,
  );
  writeFileSync(
    path.join(dir, 'datacheck.config.ts'),
    `import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ connections: { pg: { kind: 'postgres', urlEnv: 'NOT_SET_ANYWHERE' } } });\n`,
  );
  return dir;
}

describe('datacheck plan --dialect postgres', () => {
  it('quotes identifiers, binds every value as $n and inlines none', async () => {
    const io = fakeIo(project());
    expect(await main(['plan', '--dialect', 'postgres', '--filter', 'sales'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('FROM "weird schema"."t""x"');
    expect(out).toContain('("x""; DROP TABLE t; --" COLLATE "C") IN (CAST($1 AS text), CAST($2 AS text))');
    // modulo from a truncated quotient; case mapping under ICU
    expect(out).toContain('(CAST("n" AS double precision) - trunc(CAST("n" AS double precision) / ');
    expect(out).toContain('upper("x""; DROP TABLE t; --" COLLATE "und-x-icu")');
    // The SQL itself: from the first statement on, without the parameter lines (the metric list above it names values).
    const statements = out
      .slice(out.indexOf('-- query 1'))
      .split('\n')
      .filter((l) => !l.startsWith('-- params:'))
      .join('\n');
    const params = out
      .split('\n')
      .filter((l) => l.startsWith('-- params:'))
      .join('\n');
    for (const v of ["it's", '100%_OFF']) expect(statements).not.toContain(v);
    expect(params).toContain(`-- params: [${JSON.stringify(VALUE)},"$1",3,0,3,1,"100%_OFF"]`);
    expect(out).toMatch(/\$\d+/);
    expect(out).not.toContain('?');
  });
});
