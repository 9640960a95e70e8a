// The seeded, deterministic generator: every value is a function of the row number i through
// DuckDB's hash(), so the same DuckDB version always writes the same rows, in order.

/**
 * SELECT producing the orders table. Shares (of 5M rows): duplicates ~305 (every 16,384th row
 * repeats the previous order_id), amount 1% null and ~0.1% outside [0, 10000], status ~0.3% not
 * in the accepted set, email ~0.2% invalid.
 */
export function ordersSelect(rows) {
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`rows must be a positive integer, got ${rows}`);
  return `
WITH g AS (
  SELECT i,
         hash(i, 'customer') AS hc, hash(i, 'amount') AS ha, hash(i, 'null') AS hn,
         hash(i, 'outlier') AS ho, hash(i, 'status') AS hs, hash(i, 'email') AS he,
         hash(i, 'time') AS ht
  FROM range(0, ${rows}) r(i)
), v AS (
  SELECT i, he,
         (CASE WHEN i % 16384 = 8191 THEN i - 1 ELSE i END + 1000000)::BIGINT AS order_id,
         (hc % 250000 + 1)::BIGINT AS customer_id,
         ((ha % 99900) + 100)::DOUBLE / 100.0 AS base_amount,
         hn, ho, hs, ht
  FROM g
)
SELECT
  order_id,
  customer_id,
  CASE WHEN hn % 100 = 0 THEN NULL
       WHEN ho % 2000 = 0 THEN -base_amount
       WHEN ho % 2000 = 1 THEN base_amount + 10000.0
       ELSE base_amount END::DOUBLE AS amount,
  CASE WHEN hs % 1000 < 400 THEN 'completed'
       WHEN hs % 1000 < 700 THEN 'shipped'
       WHEN hs % 1000 < 940 THEN 'placed'
       WHEN hs % 1000 < 997 THEN 'returned'
       WHEN hs % 1000 < 999 THEN 'cancelled'
       ELSE 'RETURNED' END::VARCHAR AS status,
  CASE he % 2000
       WHEN 0 THEN 'user' || customer_id || '.example.com'
       WHEN 1 THEN 'user ' || customer_id || '@example.com'
       WHEN 2 THEN 'user' || customer_id || '@example'
       WHEN 3 THEN 'user' || customer_id || '@@example.com'
       ELSE 'user' || customer_id || '@' ||
            ['example.com', 'mail.test', 'shop.io', 'corp.example.org'][((he // 2000) % 4)::BIGINT + 1]
  END::VARCHAR AS email,
  (TIMESTAMP '2024-01-01 00:00:00' + to_microseconds((ht % 31536000000000)::BIGINT))::TIMESTAMP AS ordered_at
-- no ORDER BY: DuckDB keeps range() order (preserve_insertion_order) without paying for a sort
FROM v`;
}
