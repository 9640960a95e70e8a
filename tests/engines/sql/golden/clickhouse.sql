-- query 1: aggregate; metrics #1, #2, #3, #4, #5, #6, #7, #8, #10, #13, #14, #15, #16, #17, #18, #20
SELECT
  count(*) AS `m1_rows`,
  countIf((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String))))) AS `m2_rows`,
  countIf((`x"; DROP TABLE t; --` IS NULL)) AS `m3_nulls`,
  if(count(CASE WHEN (isNaN(`amount`) = 0) THEN `amount` END) >= 1, min(CASE WHEN (isNaN(`amount`) = 0) THEN `amount` END), NULL) AS `m4_min`,
  if(count(CASE WHEN (((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) THEN `prénom_名前` END) >= 1, max(CASE WHEN (((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) THEN `prénom_名前` END), NULL) AS `m5_max`,
  if(count(`ordered_at`) >= 1, max(`ordered_at`), NULL) AS `m6_max`,
  countIf(((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0))) AS `m7_count`,
  if(count(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END) >= 1, sum(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END), NULL) AS `m7_sum`,
  if(count(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END) >= 1, avg(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END), NULL) AS `m7_mean`,
  if(count(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END) >= 2, varSamp(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END), NULL) AS `m7_var`,
  countIf(((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL))) AS `m8_count`,
  if(count(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 1, sum(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_sum`,
  if(count(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 1, avg(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_mean`,
  if(count(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 2, varSamp(CASE WHEN ((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`a\`b\\c` IS NOT NULL)) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_var`,
  uniqExact(`status`) AS `m10_distinct`,
  countIf((`order_id` IS NOT NULL)) AS `m12_keyed`,
  countIf((`status` = CAST('it\'s \\ "quoted"' AS Nullable(String)))) AS `m13_matches`,
  countIf((`status` IS NOT NULL)) AS `m14_considered`,
  countIf(((`status` IS NOT NULL) AND ((`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String)))) = 0))) AS `m14_failed`,
  countIf((`email` IS NOT NULL)) AS `m15_considered`,
  countIf(((`email` IS NOT NULL) AND (match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0))) AS `m15_failed`,
  countIf(((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`prénom_名前` IS NOT NULL))) AS `m16_considered`,
  countIf((((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`prénom_名前` IS NOT NULL)) AND (((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))) AND (lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))) = 0))) AS `m16_failed`,
  countIf((`amount` IS NOT NULL)) AS `m17_considered`,
  countIf(((`amount` IS NOT NULL) AND ((((`amount` >= CAST(0 AS Nullable(Float64))) AND (isNaN(`amount`) = 0)) AND ((`amount` <= CAST(10000 AS Nullable(Float64))) AND (isNaN(`amount`) = 0))) = 0))) AS `m17_failed`,
  if(count(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END) >= 1, min(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END), NULL) AS `m21_hmin`,
  if(count(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END) >= 1, max(CASE WHEN ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0)) THEN `amount` END), NULL) AS `m21_hmax`
FROM `analytics`.`orders`;
-- params: []

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

-- query 3: failing-row sample (only when needed); metrics #14
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`status` IS NOT NULL) AND ((`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String)))) = 0))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 4: failing-row sample (only when needed); metrics #15
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`email` IS NOT NULL) AND (match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 5: failing-row sample (only when needed); metrics #16
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE (((((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))) AND (`status` <> CAST('cancelled' AS Nullable(String)))) AND (`prénom_名前` IS NOT NULL)) AND (((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))) AND (lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))) = 0))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 6: failing-row sample (only when needed); metrics #17
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE ((`amount` IS NOT NULL) AND ((((`amount` >= CAST(0 AS Nullable(Float64))) AND (isNaN(`amount`) = 0)) AND ((`amount` <= CAST(10000 AS Nullable(Float64))) AND (isNaN(`amount`) = 0))) = 0))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 7: failing-row sample (only when needed); metrics #18
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE (`x"; DROP TABLE t; --` IS NULL)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 8: histogram of amount (only when needed); metrics #21
SELECT
  `bin` AS `bin`,
  count(*) AS `n`
FROM (
  SELECT
    CASE WHEN (((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) < ((CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) - ((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10))) THEN 0 ELSE CASE WHEN (floor((((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) / (CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))))) > 9) THEN 9 ELSE floor((((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) / (CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))))) END END AS `bin`
  FROM `analytics`.`orders`
  WHERE ((`amount` IS NOT NULL) AND (isNaN(`amount`) = 0))
) AS `h`
GROUP BY `bin`;
-- params: []

-- from the catalog, no rows read: #0
-- not pushed down: #9 (sql.unsupported) quantiles cannot be pushed down to clickhouse: clickhouse has no exact quantile aggregate (only approximate ones)
-- not pushed down: #12 (sql.unsupported) duplicate_count cannot be pushed down to clickhouse: the duplicate rows are found with a window count, and clickhouse has no window functions
-- not pushed down: #19 (sql.unsupported) predicate_failures cannot be pushed down to clickhouse: the regular expression /(?<=@)x/ cannot run in clickhouse: lookahead and lookbehind are not supported in SQL (at position 0 of /(?<=@)x/)
-- not pushed down: #22 (sql.unsupported) top_values cannot be pushed down to clickhouse: the distinct count of top values is a window count over the groups, and clickhouse has no window functions
-- not pushed down: #23 (sql.unsupported) orphan_count cannot be pushed down to clickhouse: orphans are counted with a correlated NOT EXISTS, and clickhouse has no correlated subqueries
