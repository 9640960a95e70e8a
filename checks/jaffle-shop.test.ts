// Data tests of the bundled example as ordinary vitest tests (datacheck/vitest). `npm test` runs
// them with the rest; in your project, `npx vitest` does. Paths in sources are relative to the
// working directory vitest runs in (the project root).
import { defineSuite } from 'datacheck';
import { datacheckMatchers, dataset } from 'datacheck/vitest';
import { describe, expect, it } from 'vitest';
import customers from '../contracts/customers.contract.js';
import orders from '../contracts/orders.contract.js';
import type { Order } from '../contracts/orders.contract.js';
import payments from '../contracts/payments.contract.js';

expect.extend(datacheckMatchers);

describe('the Jaffle Shop data', () => {
  it('orders keep their contract', async () => {
    // orders.user_id references customers.id: the customers are read to answer it.
    await expect(dataset(orders, { references: [customers] })).toSatisfyContract();
  });

  it('payments pass a suite written beside the test', async () => {
    const money = defineSuite(payments, (t) => [
      t.column('amount').median().between(1_000, 2_000),
      t.column('payment_method').share('credit_card').between(0.3, 0.7),
    ]);
    await expect(dataset(payments, { references: [orders] })).toPass(money);
  });

  it('every customer has a first name and a unique id', async () => {
    await expect(dataset(customers)).toHaveNoNulls('first_name');
    await expect(dataset(customers)).toHaveUniqueValues('id');
  });

  it('orders built in code keep the contract too', async () => {
    // In-memory rows are typed by the contract (Order = RowOf<typeof orders>): a misspelt
    // column or a status outside the allowed ones does not compile.
    const reopened: Order[] = [
      { id: 1, user_id: 1, order_date: new Date('2018-01-01'), status: 'placed' },
      { id: 2, user_id: 3, order_date: new Date('2018-01-02'), status: 'shipped' },
    ];
    await expect(dataset(orders, reopened, { references: [customers] })).toSatisfyContract();
    await expect(dataset(orders, reopened)).toHaveValuesIn('status', ['placed', 'shipped']);
    await expect(dataset(orders, reopened)).toHaveRowCount(2);
  });
});
