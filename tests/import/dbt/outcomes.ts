import { expect } from 'vitest';
import type { RunResult } from '../../../src/model/result.js';

/** Per dataset, how many checks ended in each outcome (only outcomes that occur). */
export function outcomesOf(result: RunResult): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const d of result.datasets) {
    const counts: Record<string, number> = {};
    for (const c of d.checks) counts[c.outcome] = (counts[c.outcome] ?? 0) + 1;
    out[d.name] = counts;
  }
  return out;
}

/**
 * What `dbt build` reports for the jaffle_shop project plus SEED_TESTS_YML on the seed data, as
 * datacheck outcomes of the imported checks (the facts each follows from are in the comments).
 */
export function expectDbtOutcomes(result: RunResult): void {
  const outcomes = outcomesOf(result);
  // Every test of jaffle_shop's own schema.yml files passes on its seeds (dbt build is green there).
  for (const model of ['customers', 'orders', 'stg_customers', 'stg_orders', 'stg_payments'])
    expect(outcomes[model], model).toEqual({ pass: expect.any(Number) });
  // raw_customers: 2 of the 100 customers are named Jane, 98 are not (the manifest's deliberately failing accepted_values, on the seed).
  expect(outcomes.raw_customers.fail).toBe(1);
  // raw_orders: the newest order is 2018-04-09, far older than 3 days (recency); order 1 (2018-01-01) is
  // 'returned', outside ['placed', 'shipped', 'completed'] among the orders before 2018-01-05.
  expect(outcomes.raw_orders.fail).toBe(2);
  // raw_payments: 3 payments of 0 are outside accepted_range min 1 (warn) and fail `amount > 0`: 3 rows,
  // within error_if '>5' but over warn_if '>0' (warn); 113 payments, 109 distinct (order_id, payment_method) (warn).
  expect(outcomes.raw_payments).toEqual({ pass: expect.any(Number), warn: 3 });
  // The failing rows behind those outcomes, as counted in the data.
  const rows = (dataset: string, title: string) => {
    const check = result.datasets.find((d) => d.name === dataset)?.checks.find((c) => c.title.includes(title));
    if (!check) throw new Error(`no check '${title}' on ${dataset}`);
    return check.rows;
  };
  expect(rows('raw_customers', "first_name in ('Jane')")).toEqual({ considered: 100, failed: 98 });
  expect(rows('raw_orders', "status in ('placed', 'shipped', 'completed')")).toEqual({ considered: 3, failed: 1 });
  expect(rows('raw_payments', 'amount at least 1')).toEqual({ considered: 113, failed: 3 });
  // 4 (order_id, payment_method) pairs occur twice: 8 rows (dbt counts the 4 groups)
  expect(rows('raw_payments', '(order_id, payment_method) is unique')).toEqual({ considered: 113, failed: 8 });
}
