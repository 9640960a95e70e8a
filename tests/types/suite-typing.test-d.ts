import { describe, expectTypeOf, it } from 'vitest';
import { col, defineContract, defineSuite } from '../../src/index.js';
import type { RowOf } from '../../src/index.js';

const orders = defineContract({
  name: 'orders',
  source: { file: 'fixtures/orders.csv' },
  columns: {
    order_id: col.int64().primaryKey(),
    status: col.string().oneOf(['placed', 'shipped', 'completed', 'returned']),
    amount: col.decimal(12, 2).nullable().min(0),
    email: col.string().format('email').pii(),
    ordered_at: col.timestamp(),
    is_gift: col.bool().nullable(),
    tags: col.list(col.string()),
    address: col.struct({ city: col.string(), zip: col.string().nullable() }),
  },
  freshness: { column: 'ordered_at', within: '24h' },
});

describe('a contract gives its rows a static type', () => {
  it('maps column builders to row value types, nullability included', () => {
    type Order = RowOf<typeof orders>;
    expectTypeOf<Order['order_id']>().toEqualTypeOf<bigint>();
    expectTypeOf<Order['status']>().toEqualTypeOf<'placed' | 'shipped' | 'completed' | 'returned'>();
    expectTypeOf<Order['amount']>().toEqualTypeOf<number | null>();
    expectTypeOf<Order['email']>().toEqualTypeOf<string>();
    expectTypeOf<Order['ordered_at']>().toEqualTypeOf<Date>();
    expectTypeOf<Order['is_gift']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<Order['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<Order['address']>().toEqualTypeOf<{ city: string; zip: string | null }>();
  });

  it('rejects modifiers that make no sense for the column type', () => {
    // @ts-expect-error: a bool has no minimum
    col.bool().min(1);
    // @ts-expect-error: length() is for strings
    col.int32().length(1, 3);
    // @ts-expect-error: pattern() is for strings
    col.float64().pattern(/x/);
    // @ts-expect-error: format() is for strings
    col.date().format('email');
    // @ts-expect-error: numeric bounds are numbers
    col.int32().min('3');
  });

  it('rejects a primary key column the contract does not declare', () => {
    defineContract({
      name: 'lines',
      columns: { order_id: col.int64(), line_no: col.int32() },
      primaryKey: ['order_id', 'line_no'],
    });
    defineContract({
      name: 'lines',
      columns: { order_id: col.int64(), line_no: col.int32() },
      // @ts-expect-error: 'line_nr' is not a column
      primaryKey: ['order_id', 'line_nr'],
    });
  });

  it('rejects a freshness column the contract does not declare', () => {
    defineContract({
      name: 'x',
      columns: { a: col.timestamp() },
      // @ts-expect-error: 'b' is not a column
      freshness: { column: 'b', within: '1h' },
    });
    defineContract({
      name: 'y',
      columns: { a: col.timestamp() },
      // @ts-expect-error: '1 hour' is not a duration like '1h'
      freshness: { column: 'a', within: '1 hour' },
    });
  });
});

describe('a suite is typed by its contract', () => {
  it('accepts checks that fit each column', () => {
    defineSuite(orders, (t) => [
      t.rowCount().between(1, 10_000_000),
      t.unique(['order_id', 'ordered_at']).warn(),
      t.column('amount').mean().between(20, 400),
      t.column('amount').quantile(0.95).atMost(2_000),
      t.column('amount').stddev().atMost(150),
      t.column('status').share('returned').atMost(0.08).where('ordered_at >= current_date - 7'),
      t.column('status').oneOf(['placed', 'shipped']),
      t.column('email').matches(/@/, { mostly: 0.99 }),
      t.column('ordered_at').max().atLeast('2024-01-01'),
      t.column('order_id').between(1, 10n),
      t.expect("status != 'shipped' or amount > 0", { mostly: 0.99 }),
    ]);
  });

  it('makes a misspelt column a compile error', () => {
    defineSuite(orders, (t) => [
      // @ts-expect-error: 'amout' is not a column of orders
      t.column('amout').notNull(),
      // @ts-expect-error: compound keys are typed too
      t.unique(['order_id', 'ordered']),
    ]);
  });

  it('makes a numeric check on a string column a compile error', () => {
    defineSuite(orders, (t) => [
      // @ts-expect-error: mean() needs a numeric column
      t.column('email').mean().atMost(3),
      // @ts-expect-error: matches() needs a string column
      t.column('amount').matches(/\d+/),
      // @ts-expect-error: quantile() needs a numeric column
      t.column('ordered_at').quantile(0.5).atMost(1),
    ]);
  });

  it('types distribution checks: lengths of strings only, value sets of the column type, the approximate option', () => {
    defineSuite(orders, (t) => [
      t.column('status').length().mean().atMost(12),
      t.column('status').mostCommon().oneOf(['placed']),
      t.column('status').distinctValues().within(['placed', 'shipped']),
      t.column('order_id').distinctCount({ approximate: true }).atLeast(1),
      t.column('amount').quantile(0.99, { approximate: true }).atMost(5_000),
      t.column('amount').entropy().atLeast(1),
      // @ts-expect-error: length() statistics need a string column
      t.column('amount').length().mean().atMost(3),
      // @ts-expect-error: the values of a numeric column are numbers
      t.column('amount').distinctValues().contains(['a']),
      // @ts-expect-error: approximate is a boolean
      t.column('amount').median({ approximate: 'yes' }).atMost(1),
    ]);
  });

  it('types values and options', () => {
    defineSuite(orders, (t) => [
      // @ts-expect-error: accepted values of a numeric column are numbers
      t.column('amount').oneOf(['a']),
      // @ts-expect-error: unknown option
      t.column('amount').notNull({ mostli: 0.9 }),
      // @ts-expect-error: a metric needs a bound to be a check
      t.column('amount').mean(),
    ]);
  });

  it('types noPii: string columns only, kinds by name', () => {
    defineContract({ name: 'notes', detectPii: true, columns: { body: col.string().noPii({ kinds: ['email', 'iban'] }) } });
    // @ts-expect-error: noPii() is for strings
    col.int32().noPii();
    defineSuite(orders, (t) => [
      t.column('status').noPii({ kinds: ['card'], phoneCountry: 'NL', mostly: 0.99 }),
      // @ts-expect-error: noPii() needs a string column
      t.column('amount').noPii(),
      // @ts-expect-error: 'passport' is not a kind of personal data datacheck finds
      t.column('status').noPii({ kinds: ['passport'] }),
    ]);
  });

  it('types drift: a method, one reference, and a p-value only for the tests', () => {
    defineSuite(orders, (t) => [
      t.column('amount').drift('ks', { dataset: 'orders_last_week' }).atMost(0.2),
      t.column('amount').drift('ks', { dataset: 'orders_last_week', column: 'total' }).pValue().atLeast(0.01),
      t.column('status').drift('chi2', { baseline: 'baselines/orders.json' }).pValue().atLeast(0.01),
      t.column('amount').drift('psi', { baseline: 'baselines/orders.json' }).atMost(0.25),
      // @ts-expect-error: 'wasserstein' is not a drift method
      t.column('amount').drift('wasserstein', { dataset: 'x' }).atMost(1),
      // @ts-expect-error: psi is a divergence, it has no p-value
      t.column('amount').drift('psi', { dataset: 'x' }).pValue().atLeast(0.01),
    ]);
    defineSuite(orders, (t) => [
      // @ts-expect-error: a drift statistic needs a bound to be a check
      t.column('amount').drift('kl', { dataset: 'x' }),
    ]);
  });
});

describe('change and anomaly checks are offered on numbers only', () => {
  it('accepts counts, shares and numeric statistics, limits as numbers or percentages', () => {
    defineSuite(orders, (t) => [
      t.rowCount().change().atMost('20%'),
      t.rowCount().change({ over: '7d' }).between(-100, 100),
      t.column('amount').nullRatio().anomaly({ runs: 20, sensitivity: 3, seasonality: 'weekday' }),
      t.column('amount').mean().change().atMost(5),
      t.column('order_id').max().change().atMost('10%'),
      t.column('status').distinctCount().anomaly(),
    ]);
  });
  it('rejects the min of a string or timestamp column, a limit that is not a percentage, and unknown options', () => {
    defineSuite(orders, (t) => [
      // @ts-expect-error a string's min is not a number
      t.column('status').min().change().atMost(1),
      // @ts-expect-error a timestamp's max is not a number
      t.column('ordered_at').max().anomaly(),
      // @ts-expect-error 'twenty' is neither a number nor a percentage
      t.rowCount().change().atMost('twenty'),
      // @ts-expect-error seasonality is 'weekday'
      t.rowCount().anomaly({ seasonality: 'monthly' }),
    ]);
  });
});

describe('reconciliation is typed by the contract', () => {
  it('accepts row counts, sums of numeric columns and keys of declared columns', () => {
    defineSuite(orders, (t) => [
      t.rowCount().equalsDataset('orders_raw'),
      t.rowCount().equalsDataset('orders_raw', { tolerance: 1 }).where("status = 'placed'"),
      t.column('amount').sum().equalsDataset('ledger', 'amount', { tolerance: '0.5%' }),
      t
        .column('amount')
        .sum()
        .equalsDataset('ledger', { tolerance: { absolute: 0.01, relative: 0.001 } }),
      t.keys('order_id').matchDataset('orders_raw', 'id'),
      t.keys(['order_id', 'status']).matchDataset('orders_raw', ['id', 'state']),
    ]);
  });
  it('rejects the sum of a string, an undeclared key column and a tolerance that is no number or percentage', () => {
    defineSuite(orders, (t) => [
      // @ts-expect-error a string column has no sum
      t.column('status').sum().equalsDataset('x'),
      // @ts-expect-error 'id' is not a column of orders
      t.keys('id').matchDataset('orders_raw'),
      // @ts-expect-error 'one cent' is neither a number nor a percentage
      t.rowCount().equalsDataset('orders_raw', { tolerance: 'one cent' }),
    ]);
  });
  it('takes file freshness in a contract', () => {
    defineContract({
      name: 'drops',
      source: { file: 'drops/*.csv' },
      columns: { id: col.int64() },
      freshness: { file: true, within: '6h' },
    });
    defineContract({
      name: 'drops',
      source: { file: 'drops/*.csv' },
      columns: { id: col.int64() },
      // @ts-expect-error within is a duration
      freshness: { file: true, within: 'soon' },
    });
  });
});

describe('t.columns() is typed against the contract', () => {
  const shipments = defineContract({
    name: 'shipments',
    columns: {
      ordered_at: col.timestamp(),
      shipped_at: col.timestamp().nullable(),
      net: col.float64(),
      tax: col.float64(),
      gross: col.float64(),
      carrier: col.string(),
    },
  });

  it('offers pair comparisons on two columns of one family, and set checks on any columns', () => {
    defineSuite(shipments, (t) => [
      t.columns('shipped_at', 'ordered_at').aGreaterThanB({ orEqual: true }),
      t.columns('net', 'gross').equal({ mostly: 0.99 }),
      t.columns('net', 'tax').sumEquals('gross'),
      t.columns('net', 'tax', 'gross').uniqueWithinRecord(),
      t.column('carrier').dateFormat('%Y-%m-%d'),
      t.column('carrier').jsonParseable(),
      t.column('ordered_at').increasing({ strictly: true }),
      t.column('net').decreasing({ mostly: 0.9 }),
    ]);
  });

  it('rejects a column the contract does not declare, pairs of different families, and string checks elsewhere', () => {
    defineSuite(shipments, (t) => [
      // @ts-expect-error: 'shipped' is not a column of shipments
      t.columns('shipped', 'ordered_at').aGreaterThanB(),
      // @ts-expect-error: a number is not compared with a string
      t.columns('net', 'carrier').equal(),
      // @ts-expect-error: three columns are no pair
      t.columns('net', 'tax', 'gross').aLessThanB(),
      // @ts-expect-error: the total is a number or a column of the contract
      t.columns('net', 'tax').sumEquals('grosss'),
      // @ts-expect-error: dateFormat is for string columns
      t.column('net').dateFormat('%Y'),
      // @ts-expect-error: increasing is for numbers, dates and timestamps
      t.column('carrier').increasing(),
    ]);
  });
});
