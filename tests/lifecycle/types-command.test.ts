import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, projectOf, root } from '../e2e/harness.js';

describe('datacheck types', () => {
  it('writes exactly the committed generated types (tests/types/row-types.test-d.ts holds them equal to RowOf)', async () => {
    for (const name of ['orders', 'products']) {
      const r = await datacheck(root, ['types', `contracts/${name}.contract.ts`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(path.join(root, `tests/types/generated/${name}-row.ts`), 'utf8'));
    }
  });

  it('reads a published JSON Schema file, which is all a consumer may have', async () => {
    const exported = await datacheck(root, ['export', 'jsonschema', 'contracts/orders.contract.ts']);
    const dir = projectOf({ 'orders.schema.json': exported.stdout });
    const r = await datacheck(dir, ['types', 'orders.schema.json', '--name', 'Order']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('export interface Order {');
    expect(r.stdout).toContain("status: 'placed' | 'shipped' | 'completed' | 'return_pending' | 'returned';");
    expect(r.stdout).toContain('order_date: string;');
  });

  it('explains a file that is not a row schema, and never writes over its input', async () => {
    const dir = projectOf({ 'list.json': '[1, 2]', 'broken.json': '{"type": "object",' });
    const list = await datacheck(dir, ['types', 'list.json']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('list.json is not the JSON Schema of a row');
    expect(list.stderr).toContain('found:    an array');
    const broken = await datacheck(dir, ['types', 'broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json is not JSON');

    writeFileSync(path.join(dir, 'row.json'), '{"type": "object", "properties": {"a": {"type": "string"}}}');
    const same = await datacheck(dir, ['types', 'row.json', '-o', 'row.json']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('refusing to overwrite it');
    expect(readFileSync(path.join(dir, 'row.json'), 'utf8')).toContain('"properties"');
  });
});
