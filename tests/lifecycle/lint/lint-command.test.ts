import { describe, expect, it } from 'vitest';
import { col, defineContract } from '../../../src/index.js';
import { lintContracts } from '../../../src/lifecycle/lint/lint-contracts.js';
import type { ContractDef } from '../../../src/model/contract.js';
import { datacheck, projectOf, root } from '../../e2e/harness.js';

const contradictions = `import { col, defineContract } from 'datacheck';
export default defineContract({
  name: 'orders',
  columns: {
    id: col.int32().primaryKey().nullable(),
    status: col.string().oneOf(['placed', 'shipped']).pattern(/^[A-Z]+$/),
    size: col.string().oneOf(['S', 'XXL']).length(1, 2),
    qty: col.int32().between(1, 9).oneOf([0, 5]),
    user_id: col.int32().references('customers.id'),
    store_id: col.int32().references('orders.shop'),
  },
});
`;
const lineOf = (text: string, marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1;

describe('datacheck lint', () => {
  it('reports each contradiction with its file and line, exit 2', async () => {
    const dir = projectOf({ 'contracts/orders.contract.ts': contradictions });
    const r = await datacheck(dir, ['lint']);
    expect(r.code).toBe(2);
    const at = (marker: string) => `contracts/orders.contract.ts:${lineOf(contradictions, marker)}:`;
    expect(r.stderr).toContain(`error: ${at('id:')}`);
    expect(r.stderr).toContain('orders.id is the primary key and nullable');
    expect(r.stderr).toContain(`${at('status:')}`);
    expect(r.stderr).toContain('orders.status: the pattern /^[A-Z]+$/ rejects every allowed value');
    expect(r.stderr).toContain('found:    "placed", "shipped"');
    expect(r.stderr).toContain(`orders.size: allowed value "XXL" outside the column's bounds`);
    expect(r.stderr).toContain(`orders.qty: allowed value 0 outside the column's bounds`);
    expect(r.stderr).toContain(`${at('user_id:')}`);
    expect(r.stderr).toContain("orders.user_id references 'customers.id', but no contract is named 'customers'");
    expect(r.stderr).toContain("orders.store_id references 'orders.shop', but contract 'orders' has no column 'shop'");
    expect(r.stderr).toContain('6 problems in 1 contract');
  });

  it('reports min > max as the DSL refuses it when the contract loads (the same words, the same line)', async () => {
    const text = contradictions.replace('col.int32().between(1, 9).oneOf([0, 5])', 'col.int32().between(9, 1)');
    const dir = projectOf({ 'contracts/orders.contract.ts': text });
    const r = await datacheck(dir, ['lint', 'contracts/orders.contract.ts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`contracts/orders.contract.ts:${lineOf(text, 'qty:')}:`);
    expect(r.stderr).toContain('the lower bound 9 is above the upper bound 1, so no value could pass');
  });

  it('passes the bundled example, exit 0', async () => {
    const r = await datacheck(root, ['lint']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('8 contracts linted: no contradiction found\n'); // contracts/ and the two in dbt/models
    expect(r.code).toBe(0);
  });

  it('finds an empty bound in a contract that did not come through the DSL', () => {
    const made = defineContract({ name: 'x', columns: { n: col.int32().between(1, 5) } }) as unknown as ContractDef;
    const plain: ContractDef = { ...made, columns: { n: { ...made.columns.n, min: 7 } } };
    const [issue] = lintContracts([plain]);
    expect(issue.code).toBe('lint.empty_bound');
    expect(issue.message).toContain('x.n: min/max: the lower bound 7 is above the upper bound 5');
    expect(issue.location?.line).toBe(made.columns.n.location?.line);
    expect(lintContracts([made])).toEqual([]);
  });

  it('finds a nullable column in a compound key', () => {
    const lines = defineContract({
      name: 'lines',
      primaryKey: ['order_id', 'line_no'],
      columns: { order_id: col.int32(), line_no: col.int32().nullable(), qty: col.int32() },
    }) as unknown as ContractDef;
    const issues = lintContracts([lines]);
    expect(issues.map((i) => i.code)).toEqual(['lint.nullable_key']);
    expect(issues[0].message).toBe('lines: primaryKey [order_id, line_no] has nullable column line_no: a key value is never null');
    expect(issues[0].location?.line).toBe(lines.columns.line_no.location?.line);
  });
});
