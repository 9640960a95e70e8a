import { describe, expect, it } from 'vitest';
import { checksFromContract } from '../../src/checks/from-contract.js';
import { col, defineContract } from '../../src/index.js';

describe('a contract is already a suite', () => {
  const contract = defineContract({
    name: 'orders',
    columns: {
      order_id: col.int64().primaryKey(),
      customer_id: col.int64().references('customers.id'),
      status: col.string().oneOf(['placed', 'shipped']),
      amount: col.float64().nullable().between(0, 10_000),
      code: col.string().length(3, 8).pattern('^[A-Z]+$'),
      email: col.string().nullable().format('email'),
      ordered_at: col.timestamp(),
    },
    extraColumns: 'forbid',
    freshness: { column: 'ordered_at', within: '24h' },
  });
  const checks = checksFromContract(contract, ['legacy_flag']);
  const kindsOf = (column: string) => checks.filter((c) => c.column === column).map((c) => c.kind);

  it('turns each modifier into a check on its column', () => {
    expect(kindsOf('order_id')).toEqual(['column_type', 'not_null', 'unique']);
    expect(kindsOf('customer_id')).toEqual(['column_type', 'not_null', 'references']);
    expect(kindsOf('status')).toEqual(['column_type', 'not_null', 'accepted_values']);
    expect(kindsOf('amount')).toEqual(['column_type', 'range']);
    expect(kindsOf('code')).toEqual(['column_type', 'not_null', 'length', 'pattern']);
    expect(kindsOf('email')).toEqual(['column_type', 'format']);
    expect(kindsOf('ordered_at')).toEqual(['column_type', 'not_null', 'freshness']);
  });

  it('adds one schema check that requires the contract’s and the suites’ columns', () => {
    const schema = checks.find((c) => c.kind === 'schema')!;
    expect(schema.params).toMatchObject({ extraColumns: 'forbid', required: expect.arrayContaining(['order_id', 'legacy_flag']) });
    expect(schema.params.declared).not.toContain('legacy_flag');
  });

  it('marks contract checks as such, with severity error and unique ids', () => {
    expect(checks.every((c) => c.origin === 'contract' && c.severity === 'error' && c.dataset === 'orders')).toBe(true);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
  });

  it('keeps a contract pattern’s flags', () => {
    const c = defineContract({ name: 'x', columns: { code: col.string().pattern(/^abc$/gi) } });
    expect(checksFromContract(c).find((k) => k.kind === 'pattern')?.params).toEqual({ pattern: '^abc$', flags: 'i', negate: false });
  });

  it('points column checks at the column’s line', () => {
    const ref = checks.find((c) => c.kind === 'references')!;
    expect(ref.location).toEqual(contract.columns.customer_id.location);
    expect(ref.params).toEqual({ dataset: 'customers', column: 'id' });
  });

  describe('a compound primary key', () => {
    const lines = defineContract({
      name: 'order_lines',
      columns: { order_id: col.int64(), line_no: col.int32().nullable(), sku: col.string() },
      primaryKey: ['order_id', 'line_no'],
    });
    const checks = checksFromContract(lines);

    it('is one unique check over the key, titled as the key, at the contract', () => {
      const unique = checks.filter((c) => c.kind === 'unique');
      expect(unique).toHaveLength(1);
      expect(unique[0]).toMatchObject({
        columns: ['order_id', 'line_no'],
        params: { columns: ['order_id', 'line_no'] },
        title: 'order_id, line_no unique (primary key)',
        location: lines.location,
      });
      expect(unique[0].column).toBeUndefined();
    });

    it('makes every key column not null, even one declared nullable', () => {
      const notNull = checks.filter((c) => c.kind === 'not_null').map((c) => c.column);
      expect(notNull).toEqual(['order_id', 'line_no', 'sku']);
    });
  });
});
