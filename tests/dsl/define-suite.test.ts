import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { Issue } from '../../src/model/issue.js';
import type { SuiteDef } from '../../src/model/suite.js';
import { lineOf } from '../support/line-of.js';

const here = fileURLToPath(import.meta.url);

const orders = defineContract({
  name: 'orders',
  source: { file: 'orders.csv' },
  columns: {
    order_id: col.int64(),
    customer_id: col.int64(),
    amount: col.float64().nullable(),
    status: col.string(),
    ordered_at: col.timestamp(),
  },
});

/**
 * The one problem of a suite whose only check could not be built. A mistake in one check does not
 * throw (that would drop the whole file): the check is left out and its problem kept.
 */
function problemOf(suite: SuiteDef): Issue {
  expect(suite.checks).toEqual([]);
  expect(suite.invalid).toHaveLength(1);
  return suite.invalid![0];
}

describe('defineSuite', () => {
  const suite = defineSuite(orders, (t) => [
    t.rowCount().between(1_000, 10_000_000), // @marker:rows
    t.unique(['customer_id', 'ordered_at']).warn(),
    t.column('amount').mean().between(20, 400),
    t.column('amount').quantile(0.95).atMost(2_000, { strict: true }),
    t.column('status').oneOf(['placed', 'shipped'], { mostly: 0.99 }).where('ordered_at >= current_date - 7'), // @marker:status
    t
      .column('status')
      .matches(/^[a-z]+$/i)
      .title('status is lowercase words'),
  ]);

  it('produces plain check definitions, one per line of the suite', () => {
    expect(suite.kind).toBe('suite');
    expect(suite.contract).toBe(orders);
    expect(suite.checks.map((c) => c.kind)).toEqual(['row_count', 'unique', 'column_stat', 'column_stat', 'accepted_values', 'pattern']);
    expect(JSON.parse(JSON.stringify(suite.checks))).toEqual(suite.checks);
  });

  it('records each check’s bound, severity, tolerance, filter and title', () => {
    const [rows, key, mean, p95, status, pattern] = suite.checks;
    expect(rows.params).toEqual({ bound: { min: 1000, max: 10_000_000 } });
    expect(key).toMatchObject({ severity: 'warn', columns: ['customer_id', 'ordered_at'] });
    expect(mean.params).toEqual({ stat: 'mean', bound: { min: 20, max: 400 } });
    expect(p95.params).toEqual({ stat: 'quantile', p: 0.95, bound: { min: null, max: 2000, strict: true } });
    expect(status).toMatchObject({
      mostly: 0.99,
      where: 'ordered_at >= current_date - 7',
      params: { values: ['placed', 'shipped'], negate: false },
    });
    expect(pattern).toMatchObject({ title: 'status is lowercase words', params: { pattern: '^[a-z]+$', flags: 'i' } });
  });

  it('points every check at the line it was written on', () => {
    expect(suite.checks[0].location).toMatchObject({ file: here, line: lineOf(import.meta.url, '@marker:rows') });
    expect(suite.checks[4].location).toMatchObject({ file: here, line: lineOf(import.meta.url, '@marker:status') });
  });

  it('gives every check a stable, unique id', () => {
    const ids = suite.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^orders\.\*\.row_count\.[0-9a-f]{6}$/);
    const again = defineSuite(orders, (t) => [t.rowCount().between(1_000, 10_000_000)]);
    expect(again.checks[0].id).toBe(ids[0]);
  });

  it('rejects an unknown option, naming the ones it knows', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('amount').notNull({ mostli: 0.9 } as never)]))).toMatchObject({
      code: 'check.unknown_option',
      found: "'mostli'",
      expected: "one of 'mostly'",
    });
  });

  it('rejects a tolerance outside 0..1 and a quantile outside 0..1', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('amount').notNull({ mostly: 95 })])).message).toMatch(/between 0 and 1/);
    expect(problemOf(defineSuite(orders, (t) => [t.column('amount').quantile(95).atMost(1)])).message).toMatch(/p between 0 and 1/);
  });

  it('rejects a metric without a bound and a bound without ends', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('amount').mean() as never])).message).toMatch(/not a complete check/);
    expect(problemOf(defineSuite(orders, (t) => [t.rowCount().between(null, null)])).message).toMatch(/at least one end/);
  });

  it('rejects a bound no value could satisfy, at the line that wrote it, instead of failing the data', () => {
    const invalid = (build: () => SuiteDef) => problemOf(build());
    const rowLevel = invalid(() => defineSuite(orders, (t) => [t.column('amount').between(10, 1)])); // @marker:between
    expect(rowLevel).toMatchObject({
      code: 'check.invalid_option',
      location: { file: here, line: lineOf(import.meta.url, '@marker:between') },
    });
    expect(rowLevel.message).toBe('amount: between: the lower bound 10 is above the upper bound 1, so no value could pass');
    const aggregate = invalid(() => defineSuite(orders, (t) => [t.column('amount').mean().between(400, 20)])); // @marker:mean
    expect(aggregate).toMatchObject({ code: 'check.invalid_option', location: { line: lineOf(import.meta.url, '@marker:mean') } });
    expect(invalid(() => defineSuite(orders, (t) => [t.rowCount().between(10, 1)])).message).toMatch(
      /row_count bound: the lower bound 10 is above/,
    );
    expect(invalid(() => defineSuite(orders, (t) => [t.column('status').lengthBetween(5, 2)])).message).toMatch(
      /lengthBetween: the lower bound 5/,
    );
    expect(invalid(() => defineSuite(orders, (t) => [t.column('status').between('m', 'a')])).message).toMatch(/"m" is above/);
    expect(
      invalid(() => defineSuite(orders, (t) => [t.column('ordered_at').max().between('2024-02-01', '2024-01-31T23:00:00Z')])).message,
    ).toMatch(/above/);
    expect(invalid(() => defineSuite(orders, (t) => [t.column('amount').between(5, 5, { strict: true })])).message).toMatch(
      /strict bound from 5 to 5 is empty/,
    );
  });

  it('accepts bounds that meet or are open at one end', () => {
    const suite = defineSuite(orders, (t) => [
      t.column('amount').between(5, 5),
      t.column('amount').between(10, null),
      t.rowCount().equals(3),
      t.column('ordered_at').between('2024-01-01', new Date('2024-01-01T00:00:00Z')),
      t.column('status').lengthBetween(2, 2),
    ]);
    expect(suite.checks).toHaveLength(5);
  });

  it('refuses 64-bit values it could not compare exactly, instead of rounding them', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('order_id').oneOf([9007199254740993n])])).message).toMatch(/beyond ±2\^53/);
    expect(defineSuite(orders, (t) => [t.column('order_id').oneOf([9007199254740991n])]).checks[0].params).toMatchObject({
      values: [9007199254740991],
    });
  });

  it('keeps the valid checks of a suite when one cannot be built, with the invalid one at its own line', () => {
    const suite = defineSuite(orders, (t) => [
      t.rowCount().atLeast(1),
      t.column('amount').mean().between(null, null).warn().title('never built'), // @marker:unbuilt
      t.column('status').matches('(').where('amount > 0'),
      t.column('amount').quantile(2).atMost(10),
      t.column('order_id').notNull(),
    ]);
    expect(suite.checks.map((c) => c.kind)).toEqual(['row_count', 'not_null']);
    expect(suite.invalid?.map((i) => i.message)).toEqual([
      'a bound needs at least one end (min or max)',
      expect.stringMatching(/^invalid regular expression \/\(\//),
      'amount: quantile(p) needs p between 0 and 1',
    ]);
    expect(suite.invalid?.[0].location).toMatchObject({ file: here, line: lineOf(import.meta.url, '@marker:unbuilt') });
  });

  it('rejects a length bound without ends', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('status').lengthBetween(null, null)])).message).toMatch(/at least one end/);
  });

  it('rejects an invalid regex in a suite', () => {
    expect(problemOf(defineSuite(orders, (t) => [t.column('status').matches('(')])).message).toMatch(/invalid regular expression/);
  });

  it('rejects something that is not a contract', () => {
    expect(() => defineSuite(undefined as never, () => [])).toThrowError(
      expect.objectContaining({
        issue: expect.objectContaining({ code: 'suite.invalid', found: expect.stringMatching(/is the contract import path right/) }),
      }),
    );
  });
});
