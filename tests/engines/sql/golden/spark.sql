-- query 1: aggregate; metrics #1, #2, #3, #4, #5, #6, #7, #8, #9, #10, #13, #14, #15, #16, #17, #18, #20
SELECT
  count(*) AS `m1_rows`,
  count_if(((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING)))) AS `m2_rows`,
  (count(*) - count(`x"; DROP TABLE t; --`)) AS `m3_nulls`,
  min(CASE WHEN (NOT isnan(`amount`)) THEN `amount` END) AS `m4_min`,
  max(CASE WHEN ((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) THEN `prénom_名前` END) AS `m5_max`,
  max(`ordered_at`) AS `m6_max`,
  count_if(((`amount` IS NOT NULL) AND (NOT isnan(`amount`)))) AS `m7_count`,
  sum(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END) AS `m7_sum`,
  avg(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END) AS `m7_mean`,
  var_samp(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END) AS `m7_var`,
  count_if((((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`a``b\c` IS NOT NULL))) AS `m8_count`,
  sum(CASE WHEN (((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`a``b\c` IS NOT NULL)) THEN CAST(`a``b\c` AS DOUBLE) END) AS `m8_sum`,
  avg(CASE WHEN (((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`a``b\c` IS NOT NULL)) THEN CAST(`a``b\c` AS DOUBLE) END) AS `m8_mean`,
  var_samp(CASE WHEN (((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`a``b\c` IS NOT NULL)) THEN CAST(`a``b\c` AS DOUBLE) END) AS `m8_var`,
  percentile(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END, 0.5) AS `m9_q0`,
  percentile(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END, 0.95) AS `m9_q1`,
  count(DISTINCT `status`) AS `m10_distinct`,
  count(`order_id`) AS `m12_keyed`,
  count_if((`status` = CAST(? AS STRING))) AS `m13_matches`,
  count(`status`) AS `m14_considered`,
  count_if(((`status` IS NOT NULL) AND (NOT (`status` IN (CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING)))))) AS `m14_failed`,
  count(`email`) AS `m15_considered`,
  count_if(((`email` IS NOT NULL) AND (NOT (`email` RLIKE ?)))) AS `m15_failed`,
  count_if((((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`prénom_名前` IS NOT NULL))) AS `m16_considered`,
  count_if(((((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`prénom_名前` IS NOT NULL)) AND (NOT ((char_length(`prénom_名前`) >= CAST(? AS DOUBLE)) AND (char_length(`prénom_名前`) <= CAST(? AS DOUBLE)))))) AS `m16_failed`,
  count(`amount`) AS `m17_considered`,
  count_if(((`amount` IS NOT NULL) AND (NOT (((`amount` >= CAST(? AS DOUBLE)) AND (NOT isnan(`amount`))) AND ((`amount` <= CAST(? AS DOUBLE)) AND (NOT isnan(`amount`))))))) AS `m17_failed`,
  min(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END) AS `m21_hmin`,
  max(CASE WHEN ((`amount` IS NOT NULL) AND (NOT isnan(`amount`))) THEN `amount` END) AS `m21_hmax`
FROM `analytics`.`orders`;
-- params: [1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled","it's \\ \"quoted\"","placed","shipped","o'brien","^[^@\t\n\u000b\f\r                  　﻿]+@[^@\t\n\u000b\f\r                  　﻿]+\\.[^@\t\n\u000b\f\r                  　﻿]+$",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1,40,0,10000]

-- query 2: distinct (order_id, x"; DROP TABLE t; --); metrics #11
SELECT
  count(*) AS `distinct`
FROM (
  SELECT
    `order_id` AS `k0`,
    `x"; DROP TABLE t; --` AS `k1`
  FROM `analytics`.`orders`
  WHERE ((`order_id` IS NOT NULL) AND (`x"; DROP TABLE t; --` IS NOT NULL))
  GROUP BY `order_id`, `x"; DROP TABLE t; --`
) AS `d`;
-- params: []

-- query 3: duplicates of (order_id); metrics #12
SELECT
  CAST(`order_id` AS STRING) AS `__dc_k0`,
  sum(count(*)) OVER () AS `__dc_failed`
FROM `analytics`.`orders`
WHERE (`order_id` IS NOT NULL)
GROUP BY `order_id`
HAVING (count(*) > 1)
ORDER BY `order_id`
LIMIT 1000;
-- params: []

-- query 4: rows of duplicated (order_id) (only when needed); metrics #12
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`order_id` IS NOT NULL) AND (CAST(`order_id` AS STRING) IN ()))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 5: failing-row sample (only when needed); metrics #14
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`status` IS NOT NULL) AND (NOT (`status` IN (CAST(? AS STRING), CAST(? AS STRING), CAST(? AS STRING)))))
ORDER BY `__dc_row`
LIMIT 5;
-- params: ["placed","shipped","o'brien"]

-- query 6: failing-row sample (only when needed); metrics #15
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`email` IS NOT NULL) AND (NOT (`email` RLIKE ?)))
ORDER BY `__dc_row`
LIMIT 5;
-- params: ["^[^@\t\n\u000b\f\r                  　﻿]+@[^@\t\n\u000b\f\r                  　﻿]+\\.[^@\t\n\u000b\f\r                  　﻿]+$"]

-- query 7: failing-row sample (only when needed); metrics #16
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((((unix_millis(CAST(`ordered_at` AS TIMESTAMP)) >= (CAST(? AS DOUBLE) - (CAST(? AS DOUBLE) * CAST(? AS DOUBLE)))) AND (`status` <> CAST(? AS STRING))) AND (`prénom_名前` IS NOT NULL)) AND (NOT ((char_length(`prénom_名前`) >= CAST(? AS DOUBLE)) AND (char_length(`prénom_名前`) <= CAST(? AS DOUBLE)))))
ORDER BY `__dc_row`
LIMIT 5;
-- params: [1717200000000,7,86400000,"cancelled",1,40]

-- query 8: failing-row sample (only when needed); metrics #17
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`amount` IS NOT NULL) AND (NOT (((`amount` >= CAST(? AS DOUBLE)) AND (NOT isnan(`amount`))) AND ((`amount` <= CAST(? AS DOUBLE)) AND (NOT isnan(`amount`))))))
ORDER BY `__dc_row`
LIMIT 5;
-- params: [0,10000]

-- query 9: failing-row sample (only when needed); metrics #18
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE (`x"; DROP TABLE t; --` IS NULL)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 10: histogram of amount (only when needed); metrics #21
SELECT
  `bin` AS `bin`,
  count(*) AS `n`
FROM (
  SELECT
    CASE WHEN (((`amount` - CAST(? AS DOUBLE)) * 10) < ((CAST(? AS DOUBLE) - CAST(? AS DOUBLE)) - ((`amount` - CAST(? AS DOUBLE)) * 10))) THEN 0 ELSE CASE WHEN (floor((((`amount` - CAST(? AS DOUBLE)) * 10) / (CAST(? AS DOUBLE) - CAST(? AS DOUBLE)))) > 9) THEN 9 ELSE floor((((`amount` - CAST(? AS DOUBLE)) * 10) / (CAST(? AS DOUBLE) - CAST(? AS DOUBLE)))) END END AS `bin`
  FROM `analytics`.`orders`
  WHERE ((`amount` IS NOT NULL) AND (NOT isnan(`amount`)))
) AS `h`
GROUP BY `bin`;
-- params: ["<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>"]

-- query 11: distinct values of status in its first rows; metrics #22
SELECT
  count(DISTINCT `value`) AS `d`
FROM (
  SELECT
    `status` AS `value`
  FROM `analytics`.`orders`
  WHERE (`status` IS NOT NULL)
  LIMIT 16016
) AS `p`;
-- params: []

-- query 12: top 5 values of status (only when needed); metrics #22
SELECT
  `status` AS `__dc_value`,
  count(*) AS `__dc_count`,
  count(*) OVER () AS `__dc_distinct`
FROM `analytics`.`orders`
WHERE (`status` IS NOT NULL)
GROUP BY `status`
ORDER BY count(*) DESC, `status`
LIMIT 5;
-- params: []

-- query 13: order_id values missing from customers.id; metrics #23
SELECT
  count(*) AS `considered`,
  count_if((NOT EXISTS (SELECT
      1 AS `one`
    FROM `analytics`.`customers` AS `r`
    WHERE (`r`.`id` = `t`.`order_id`)))) AS `failed`
FROM `analytics`.`orders` AS `t`
WHERE (`t`.`order_id` IS NOT NULL);
-- params: []

-- query 14: rows of order_id missing from customers (only when needed); metrics #23
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER (ORDER BY monotonically_increasing_id()) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `t`
WHERE ((`t`.`order_id` IS NOT NULL) AND (NOT EXISTS (SELECT
      1 AS `one`
    FROM `analytics`.`customers` AS `r`
    WHERE (`r`.`id` = `t`.`order_id`))))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- from the catalog, no rows read: #0
-- not pushed down: #19 (sql.unsupported) predicate_failures cannot be pushed down to spark: the regular expression /(?<=@)x/ cannot run in spark: lookahead and lookbehind are not supported in SQL (at position 0 of /(?<=@)x/)
