import { tableFromArrays } from 'apache-arrow';
import * as aq from 'arquero';
import { describe, expectTypeOf, it } from 'vitest';
import { col, defineContract } from '../../src/index.js';
import type { RowOf } from '../../src/index.js';
import type { DataOf } from '../../src/dsl/define-contract.js';

const columns = {
  id: col.int64().primaryKey(),
  email: col.string().nullable(),
  signed_up: col.date(),
};

describe('in-memory rows are typed by the contract', () => {
  it('accepts rows of the contract row type', () => {
    const customers = defineContract({
      name: 'customers',
      source: { data: [{ id: 1n, email: null, signed_up: new Date('2024-01-02') }] },
      columns,
    });
    expectTypeOf<DataOf<RowOf<typeof customers>>>().toMatchTypeOf<DataOf<{ id: bigint; email: string | null; signed_up: Date }>>();
  });

  it('rejects a row with a misspelt column, a missing column or a value of the wrong type', () => {
    defineContract({
      name: 'customers',
      // @ts-expect-error: `emial` is not a column of the contract (and `email` is missing)
      source: { data: [{ id: 1n, emial: 'a@b.c', signed_up: new Date() }] },
      columns,
    });
    defineContract({
      name: 'customers',
      // @ts-expect-error: signed_up is a date, not a number
      source: { data: [{ id: 1n, email: 'a@b.c', signed_up: 20240102 }] },
      columns,
    });
    defineContract({
      name: 'customers',
      // @ts-expect-error: an int64 column holds bigints
      source: { data: [{ id: 'one', email: 'a@b.c', signed_up: new Date() }] },
      columns,
    });
  });

  it('accepts an Apache Arrow Table and an arquero table, whose columns are typed at run time', () => {
    defineContract({ name: 'a', source: { data: tableFromArrays({ id: [1, 2] }) }, columns });
    defineContract({ name: 'b', source: { data: aq.table({ id: [1, 2] }) }, columns });
    // @ts-expect-error: a string is not in-memory data
    defineContract({ name: 'c', source: { data: 'rows.csv' }, columns });
  });
});
