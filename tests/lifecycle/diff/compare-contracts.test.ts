import { describe, expect, it } from 'vitest';
import { col, defineContract } from '../../../src/index.js';
import type { ContractDef } from '../../../src/model/contract.js';
import { compareContracts } from '../../../src/lifecycle/diff/compare-contracts.js';

const base = {
  name: 'orders',
  version: '1.0.0',
  columns: {
    id: col.int32().primaryKey(),
    status: col.string().oneOf(['placed', 'shipped']),
    amount: col.int32().between(0, 100),
    note: col.string().nullable(),
  },
};
const before = defineContract(base) as unknown as ContractDef;
const changed = (columns: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
  defineContract({ ...base, ...rest, columns: { ...base.columns, ...columns } } as typeof base) as unknown as ContractDef;
const kinds = (c: ContractDef) => compareContracts(before, c).map((x) => `${x.impact} ${x.kind}${x.column ? ` ${x.column}` : ''}`);

describe('compareContracts: what the issue calls breaking', () => {
  it('a removed column', () => {
    const { note: _n, ...columns } = base.columns;
    expect(kinds(defineContract({ ...base, columns }) as unknown as ContractDef)).toEqual(['breaking column.removed note']);
  });
  it('a narrowed type, and a change of kind', () => {
    expect(kinds(changed({ amount: col.int16().between(0, 100) }))).toEqual(['breaking type.narrowed amount']);
    expect(kinds(changed({ note: col.string().nullable() }, {}))).toEqual([]);
    expect(kinds(changed({ note: col.date().nullable() }))).toEqual(['breaking type.narrowed note']); // a date is a string, not back
    const one = (c: ReturnType<typeof col.date> | ReturnType<typeof col.int32>) =>
      defineContract({ name: 'x', columns: { c } }) as unknown as ContractDef;
    expect(compareContracts(one(col.date()), one(col.int32())).map((c) => c.kind)).toEqual(['type.changed']);
  });
  it('nullable -> required', () => {
    expect(kinds(changed({ note: col.string() }))).toEqual(['breaking nullability.required note']);
  });
  it('a removed allowed value (and an added one beside it is non-breaking)', () => {
    expect(kinds(changed({ status: col.string().oneOf(['placed', 'delivered']) }))).toEqual([
      'breaking allowed_value.removed status',
      'non-breaking allowed_value.added status',
    ]);
  });
  it('a changed key', () => {
    expect(kinds(changed({ id: col.int32().unique(), status: col.string().oneOf(['placed', 'shipped']).primaryKey() }))).toContain(
      'breaking key.changed',
    );
  });
  it('a tightened bound, a new pattern, a new required column', () => {
    expect(kinds(changed({ amount: col.int32().between(1, 100) }))).toEqual(['breaking bound.tightened amount']);
    expect(kinds(changed({ note: col.string().nullable().pattern(/^x/) }))).toEqual(['breaking pattern.added note']);
    expect(kinds(changed({ shop: col.string() }))).toEqual(['breaking column.added_required shop']);
  });
});

describe('compareContracts: what the issue calls non-breaking', () => {
  it('an added optional column', () => {
    expect(kinds(changed({ coupon: col.string().nullable() }))).toEqual(['non-breaking column.added_optional coupon']);
  });
  it('a widened type', () => {
    expect(kinds(changed({ amount: col.int64().between(0, 100) }))).toEqual(['non-breaking type.widened amount']);
    expect(kinds(changed({ amount: col.float64().between(0, 100) }))).toEqual(['non-breaking type.widened amount']);
  });
  it('an added allowed value', () => {
    expect(kinds(changed({ status: col.string().oneOf(['placed', 'shipped', 'returned']) }))).toEqual([
      'non-breaking allowed_value.added status',
    ]);
  });
  it('a relaxed bound, on either end, or a bound removed', () => {
    expect(kinds(changed({ amount: col.int32().between(-5, 500) }))).toEqual([
      'non-breaking bound.relaxed amount',
      'non-breaking bound.relaxed amount',
    ]);
    expect(kinds(changed({ amount: col.int32().min(0) }))).toEqual(['non-breaking bound.relaxed amount']);
  });
  it('documentation is informational, and no change is no change', () => {
    expect(kinds(changed({ note: col.string().nullable().description('free text') }))).toEqual(['informational description.changed note']);
    expect(compareContracts(before, changed({}))).toEqual([]);
  });
  it('compares date bounds as dates', () => {
    const d = (lo: string, hi: string) =>
      defineContract({ name: 'x', columns: { day: col.date().between(lo, hi) } }) as unknown as ContractDef;
    const changes = compareContracts(d('2018-01-01', '2018-12-31'), d('2017-06-01', '2018-06-30')).map((c) => c.kind);
    expect(changes).toEqual(['bound.relaxed', 'bound.tightened']);
  });
});
