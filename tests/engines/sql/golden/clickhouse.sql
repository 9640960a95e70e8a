-- query 1: aggregate; metrics #1, #2, #3, #4, #5, #6, #7, #8, #10, #13, #14, #15, #16, #17, #18, #20
SELECT
  count(*) AS `m1_rows`,
  countIf(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) AS `m2_rows`,
  (count(*) - count(`x"; DROP TABLE t; --`)) AS `m3_nulls`,
  if(count(CASE WHEN (isNaN(`amount`) = 0) THEN `amount` END) >= 1, min(CASE WHEN (isNaN(`amount`) = 0) THEN `amount` END), NULL) AS `m4_min`,
  if(count(CASE WHEN multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1) THEN `prénom_名前` END) >= 1, max(CASE WHEN multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1) THEN `prénom_名前` END), NULL) AS `m5_max`,
  if(count(`ordered_at`) >= 1, max(`ordered_at`), NULL) AS `m6_max`,
  countIf(multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1)) AS `m7_count`,
  if(count(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END) >= 1, sum(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END), NULL) AS `m7_sum`,
  if(count(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END) >= 1, avg(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END), NULL) AS `m7_mean`,
  if(count(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END) >= 2, varSamp(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END), NULL) AS `m7_var`,
  countIf(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1)) AS `m8_count`,
  if(count(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 1, sum(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_sum`,
  if(count(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 1, avg(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_mean`,
  if(count(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END) >= 2, varSamp(CASE WHEN multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`a\`b\\c` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`a\`b\\c` IS NOT NULL)), NULL, 1) THEN CAST(`a\`b\\c` AS Nullable(Float64)) END), NULL) AS `m8_var`,
  uniqExact(`status`) AS `m10_distinct`,
  count(`order_id`) AS `m12_keyed`,
  countIf((`status` = CAST('it\'s \\ "quoted"' AS Nullable(String)))) AS `m13_matches`,
  count(`status`) AS `m14_considered`,
  countIf(multiIf((ifNull((`status` IS NOT NULL), 1) = 0) OR (ifNull((if(isNull(`status`), NULL, (`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String))))) = 0), 1) = 0), 0, isNull((`status` IS NOT NULL)) OR isNull((if(isNull(`status`), NULL, (`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String))))) = 0)), NULL, 1)) AS `m14_failed`,
  count(`email`) AS `m15_considered`,
  countIf(multiIf((ifNull((`email` IS NOT NULL), 1) = 0) OR (ifNull((match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0), 1) = 0), 0, isNull((`email` IS NOT NULL)) OR isNull((match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0)), NULL, 1)) AS `m15_failed`,
  countIf(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`prénom_名前` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`prénom_名前` IS NOT NULL)), NULL, 1)) AS `m16_considered`,
  countIf(multiIf((ifNull(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`prénom_名前` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`prénom_名前` IS NOT NULL)), NULL, 1), 1) = 0) OR (ifNull((multiIf((ifNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))), 1) = 0) OR (ifNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64))), 1) = 0), 0, isNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64)))) OR isNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))), NULL, 1) = 0), 1) = 0), 0, isNull(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`prénom_名前` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`prénom_名前` IS NOT NULL)), NULL, 1)) OR isNull((multiIf((ifNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))), 1) = 0) OR (ifNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64))), 1) = 0), 0, isNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64)))) OR isNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))), NULL, 1) = 0)), NULL, 1)) AS `m16_failed`,
  count(`amount`) AS `m17_considered`,
  countIf(multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((multiIf((ifNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0) OR (ifNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0), 0, isNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)) OR isNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)), NULL, 1) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((multiIf((ifNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0) OR (ifNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0), 0, isNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)) OR isNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)), NULL, 1) = 0)), NULL, 1)) AS `m17_failed`,
  if(count(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END) >= 1, min(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END), NULL) AS `m21_hmin`,
  if(count(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END) >= 1, max(CASE WHEN multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1) THEN `amount` END), NULL) AS `m21_hmax`
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
  WHERE multiIf((ifNull((`order_id` IS NOT NULL), 1) = 0) OR (ifNull((`x"; DROP TABLE t; --` IS NOT NULL), 1) = 0), 0, isNull((`order_id` IS NOT NULL)) OR isNull((`x"; DROP TABLE t; --` IS NOT NULL)), NULL, 1)
  GROUP BY `order_id`, `x"; DROP TABLE t; --`
) AS `d`;
-- params: []

-- query 3: duplicates of (order_id); metrics #12
SELECT
  if(count(`__dc_n`) >= 1, sum(`__dc_n`), NULL) AS `failed`
FROM (
  SELECT
    count(*) AS `__dc_n`
  FROM `analytics`.`orders`
  WHERE (`order_id` IS NOT NULL)
  GROUP BY `order_id`
  HAVING (count(*) > 1)
) AS `d`;
-- params: []

-- query 4: rows of duplicate (order_id) (only when needed); metrics #12
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      *,
      (rowNumberInAllBlocks() + 1) AS `__dc_row`
    FROM `analytics`.`orders`
  ) AS `n`
  WHERE (`order_id` IS NOT NULL)
) AS `c`
WHERE (`order_id` GLOBAL IN (SELECT
      `order_id` AS `__dc_k0`
    FROM `analytics`.`orders`
    WHERE (`order_id` IS NOT NULL)
    GROUP BY `order_id`
    HAVING (count(*) > 1)))
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 5: failing-row sample (only when needed); metrics #14
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE multiIf((ifNull((`status` IS NOT NULL), 1) = 0) OR (ifNull((if(isNull(`status`), NULL, (`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String))))) = 0), 1) = 0), 0, isNull((`status` IS NOT NULL)) OR isNull((if(isNull(`status`), NULL, (`status` IN (CAST('placed' AS Nullable(String)), CAST('shipped' AS Nullable(String)), CAST('o\'brien' AS Nullable(String))))) = 0)), NULL, 1)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 6: failing-row sample (only when needed); metrics #15
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE multiIf((ifNull((`email` IS NOT NULL), 1) = 0) OR (ifNull((match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0), 1) = 0), 0, isNull((`email` IS NOT NULL)) OR isNull((match(`email`, '^[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+@[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+\\.[^@\x09\x0a\x0b\x0c\x0d                  　﻿]+$') = 0)), NULL, 1)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 7: failing-row sample (only when needed); metrics #16
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE multiIf((ifNull(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`prénom_名前` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`prénom_名前` IS NOT NULL)), NULL, 1), 1) = 0) OR (ifNull((multiIf((ifNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))), 1) = 0) OR (ifNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64))), 1) = 0), 0, isNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64)))) OR isNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))), NULL, 1) = 0), 1) = 0), 0, isNull(multiIf((ifNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1), 1) = 0) OR (ifNull((`prénom_名前` IS NOT NULL), 1) = 0), 0, isNull(multiIf((ifNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64))))), 1) = 0) OR (ifNull((`status` <> CAST('cancelled' AS Nullable(String))), 1) = 0), 0, isNull(((toInt64(toUnixTimestamp(toDateTime(`ordered_at`, 'UTC'))) * 1000) >= (CAST(1717200000000 AS Nullable(Float64)) - (CAST(7 AS Nullable(Float64)) * CAST(86400000 AS Nullable(Float64)))))) OR isNull((`status` <> CAST('cancelled' AS Nullable(String)))), NULL, 1)) OR isNull((`prénom_名前` IS NOT NULL)), NULL, 1)) OR isNull((multiIf((ifNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64))), 1) = 0) OR (ifNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64))), 1) = 0), 0, isNull((lengthUTF8(`prénom_名前`) >= CAST(1 AS Nullable(Float64)))) OR isNull((lengthUTF8(`prénom_名前`) <= CAST(40 AS Nullable(Float64)))), NULL, 1) = 0)), NULL, 1)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 8: failing-row sample (only when needed); metrics #17
SELECT
  *
FROM (
  SELECT
    *,
    (rowNumberInAllBlocks() + 1) AS `__dc_row`
  FROM `analytics`.`orders`
) AS `n`
WHERE multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((multiIf((ifNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0) OR (ifNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0), 0, isNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)) OR isNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)), NULL, 1) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((multiIf((ifNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0) OR (ifNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1), 1) = 0), 0, isNull(multiIf((ifNull((`amount` >= CAST(0 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` >= CAST(0 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)) OR isNull(multiIf((ifNull((`amount` <= CAST(10000 AS Nullable(Float64))), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` <= CAST(10000 AS Nullable(Float64)))) OR isNull((isNaN(`amount`) = 0)), NULL, 1)), NULL, 1) = 0)), NULL, 1)
ORDER BY `__dc_row`
LIMIT 5;
-- params: []

-- query 9: failing-row sample (only when needed); metrics #18
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

-- query 10: histogram of amount (only when needed); metrics #21
SELECT
  `bin` AS `bin`,
  count(*) AS `n`
FROM (
  SELECT
    CASE WHEN (((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) < ((CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) - ((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10))) THEN 0 ELSE CASE WHEN (floor((((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) / (CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))))) > 9) THEN 9 ELSE floor((((`amount` - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))) * 10) / (CAST('<m21_hmax from the aggregate query>' AS Nullable(Float64)) - CAST('<m21_hmin from the aggregate query>' AS Nullable(Float64))))) END END AS `bin`
  FROM `analytics`.`orders`
  WHERE multiIf((ifNull((`amount` IS NOT NULL), 1) = 0) OR (ifNull((isNaN(`amount`) = 0), 1) = 0), 0, isNull((`amount` IS NOT NULL)) OR isNull((isNaN(`amount`) = 0)), NULL, 1)
) AS `h`
GROUP BY `bin`;
-- params: []

-- query 11: distinct values of status (only when needed); metrics #22
SELECT
  count(*) AS `d`
FROM (
  SELECT
    `status` AS `value`
  FROM `analytics`.`orders`
  WHERE (`status` IS NOT NULL)
  GROUP BY `status`
) AS `g`;
-- params: []

-- query 12: distinct values of status in its first rows; metrics #22
SELECT
  uniqExact(`value`) AS `d`
FROM (
  SELECT
    `status` AS `value`
  FROM `analytics`.`orders`
  WHERE (`status` IS NOT NULL)
  LIMIT 16016
) AS `p`;
-- params: []

-- query 13: top 5 values of status (only when needed); metrics #22
SELECT
  `status` AS `__dc_value`,
  count(*) AS `__dc_count`
FROM `analytics`.`orders`
WHERE (`status` IS NOT NULL)
GROUP BY `status`
ORDER BY count(*) DESC, `status`
LIMIT 5;
-- params: []

-- from the catalog, no rows read: #0
-- not pushed down: #9 (sql.unsupported) quantiles cannot be pushed down to clickhouse: clickhouse has no exact quantile aggregate (only approximate ones)
-- not pushed down: #19 (sql.unsupported) predicate_failures cannot be pushed down to clickhouse: the regular expression /(?<=@)x/ cannot run in clickhouse: lookahead and lookbehind are not supported in SQL (at position 0 of /(?<=@)x/)
-- not pushed down: #23 (sql.unsupported) orphan_count cannot be pushed down to clickhouse: orphans are counted with a correlated NOT EXISTS, and clickhouse has no correlated subqueries
