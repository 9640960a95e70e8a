-- query 1: aggregate; metrics #1, #2, #3, #4, #5, #6, #7, #8, #9, #10, #13, #14, #15, #16, #17, #18, #20
SELECT
  count(*) AS "m1_rows",
  count(*) FILTER (WHERE ((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($1 AS double precision) - (CAST($2 AS double precision) * CAST($3 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($4 AS text) COLLATE "C")))) AS "m2_rows",
  (count(*) - count("x""; DROP TABLE t; --")) AS "m3_nulls",
  min("amount") FILTER (WHERE (NOT ("amount" = 'NaN'::double precision))) AS "m4_min",
  max(("prénom_名前" COLLATE "C")) FILTER (WHERE ((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($5 AS double precision) - (CAST($6 AS double precision) * CAST($7 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($8 AS text) COLLATE "C")))) AS "m5_max",
  max("ordered_at") AS "m6_max",
  count(*) FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m7_count",
  sum("amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m7_sum",
  avg("amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m7_mean",
  var_samp("amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m7_var",
  count(*) FILTER (WHERE (((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($9 AS double precision) - (CAST($10 AS double precision) * CAST($11 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($12 AS text) COLLATE "C"))) AND ("a`b\c" IS NOT NULL))) AS "m8_count",
  sum(CAST("a`b\c" AS double precision)) FILTER (WHERE (((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($13 AS double precision) - (CAST($14 AS double precision) * CAST($15 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($16 AS text) COLLATE "C"))) AND ("a`b\c" IS NOT NULL))) AS "m8_sum",
  avg(CAST("a`b\c" AS double precision)) FILTER (WHERE (((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($17 AS double precision) - (CAST($18 AS double precision) * CAST($19 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($20 AS text) COLLATE "C"))) AND ("a`b\c" IS NOT NULL))) AS "m8_mean",
  var_samp(CAST("a`b\c" AS double precision)) FILTER (WHERE (((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($21 AS double precision) - (CAST($22 AS double precision) * CAST($23 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($24 AS text) COLLATE "C"))) AND ("a`b\c" IS NOT NULL))) AS "m8_var",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY "amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m9_q0",
  percentile_cont(0.95) WITHIN GROUP (ORDER BY "amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m9_q1",
  count(DISTINCT "status") AS "m10_distinct",
  count("order_id") AS "m12_keyed",
  count(*) FILTER (WHERE (("status" COLLATE "C") = (CAST($25 AS text) COLLATE "C"))) AS "m13_matches",
  count("status") AS "m14_considered",
  count(*) FILTER (WHERE (("status" IS NOT NULL) AND (NOT (("status" COLLATE "C") IN (CAST($26 AS text), CAST($27 AS text), CAST($28 AS text)))))) AS "m14_failed",
  count("email") AS "m15_considered",
  count(*) FILTER (WHERE (("email" IS NOT NULL) AND (NOT ("email" ~ $29)))) AS "m15_failed",
  count(*) FILTER (WHERE (((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($30 AS double precision) - (CAST($31 AS double precision) * CAST($32 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($33 AS text) COLLATE "C"))) AND ("prénom_名前" IS NOT NULL))) AS "m16_considered",
  count(*) FILTER (WHERE ((((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($34 AS double precision) - (CAST($35 AS double precision) * CAST($36 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($37 AS text) COLLATE "C"))) AND ("prénom_名前" IS NOT NULL)) AND (NOT ((char_length("prénom_名前") >= CAST($38 AS double precision)) AND (char_length("prénom_名前") <= CAST($39 AS double precision)))))) AS "m16_failed",
  count("amount") AS "m17_considered",
  count(*) FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ((("amount" >= CAST($40 AS double precision)) AND (NOT ("amount" = 'NaN'::double precision))) AND (("amount" <= CAST($41 AS double precision)) AND (NOT ("amount" = 'NaN'::double precision))))))) AS "m17_failed",
  min("amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m21_hmin",
  max("amount") FILTER (WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))) AS "m21_hmax"
FROM "analytics"."orders";
-- params: [1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled","it's \\ \"quoted\"","placed","shipped","o'brien","^[^@\t\n\u000b\f\r                  　﻿]+@[^@\t\n\u000b\f\r                  　﻿]+\\.[^@\t\n\u000b\f\r                  　﻿]+$",1717200000000,7,86400000,"cancelled",1717200000000,7,86400000,"cancelled",1,40,0,10000]

-- query 2: distinct (order_id, x"; DROP TABLE t; --); metrics #11
SELECT
  count(*) AS "distinct"
FROM (
  SELECT
    "order_id" AS "k0",
    "x""; DROP TABLE t; --" AS "k1"
  FROM "analytics"."orders"
  WHERE (("order_id" IS NOT NULL) AND ("x""; DROP TABLE t; --" IS NOT NULL))
  GROUP BY "order_id", "x""; DROP TABLE t; --"
) AS "d";
-- params: []

-- query 3: duplicates of (order_id); metrics #12
SELECT
  CAST("order_id" AS text) AS "__dc_k0",
  sum(count(*)) OVER () AS "__dc_failed"
FROM "analytics"."orders"
WHERE ("order_id" IS NOT NULL)
GROUP BY "order_id"
HAVING (count(*) > 1)
ORDER BY "order_id"
LIMIT 1000;
-- params: []

-- query 4: rows of duplicated (order_id) (only when needed); metrics #12
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE (("order_id" IS NOT NULL) AND (CAST("order_id" AS text) IN ()))
LIMIT 5;
-- params: []

-- query 5: failing-row sample (only when needed); metrics #14
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE (("status" IS NOT NULL) AND (NOT (("status" COLLATE "C") IN (CAST($1 AS text), CAST($2 AS text), CAST($3 AS text)))))
LIMIT 5;
-- params: ["placed","shipped","o'brien"]

-- query 6: failing-row sample (only when needed); metrics #15
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE (("email" IS NOT NULL) AND (NOT ("email" ~ $1)))
LIMIT 5;
-- params: ["^[^@\t\n\u000b\f\r                  　﻿]+@[^@\t\n\u000b\f\r                  　﻿]+\\.[^@\t\n\u000b\f\r                  　﻿]+$"]

-- query 7: failing-row sample (only when needed); metrics #16
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE ((((floor(extract(epoch FROM "ordered_at") * 1000) >= (CAST($1 AS double precision) - (CAST($2 AS double precision) * CAST($3 AS double precision)))) AND (("status" COLLATE "C") <> (CAST($4 AS text) COLLATE "C"))) AND ("prénom_名前" IS NOT NULL)) AND (NOT ((char_length("prénom_名前") >= CAST($5 AS double precision)) AND (char_length("prénom_名前") <= CAST($6 AS double precision)))))
LIMIT 5;
-- params: [1717200000000,7,86400000,"cancelled",1,40]

-- query 8: failing-row sample (only when needed); metrics #17
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE (("amount" IS NOT NULL) AND (NOT ((("amount" >= CAST($1 AS double precision)) AND (NOT ("amount" = 'NaN'::double precision))) AND (("amount" <= CAST($2 AS double precision)) AND (NOT ("amount" = 'NaN'::double precision))))))
LIMIT 5;
-- params: [0,10000]

-- query 9: failing-row sample (only when needed); metrics #18
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "n"
WHERE ("x""; DROP TABLE t; --" IS NULL)
LIMIT 5;
-- params: []

-- query 10: histogram of amount (only when needed); metrics #21
SELECT
  "bin" AS "bin",
  count(*) AS "n"
FROM (
  SELECT
    CASE WHEN ((("amount" - CAST($1 AS double precision)) * 10) < ((CAST($2 AS double precision) - CAST($3 AS double precision)) - (("amount" - CAST($4 AS double precision)) * 10))) THEN 0 ELSE CASE WHEN (floor(((("amount" - CAST($5 AS double precision)) * 10) / (CAST($6 AS double precision) - CAST($7 AS double precision)))) > 9) THEN 9 ELSE floor(((("amount" - CAST($8 AS double precision)) * 10) / (CAST($9 AS double precision) - CAST($10 AS double precision)))) END END AS "bin"
  FROM "analytics"."orders"
  WHERE (("amount" IS NOT NULL) AND (NOT ("amount" = 'NaN'::double precision)))
) AS "h"
GROUP BY "bin";
-- params: ["<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmin from the aggregate query>","<m21_hmax from the aggregate query>","<m21_hmin from the aggregate query>"]

-- query 11: distinct values of status in its first rows; metrics #22
SELECT
  count(DISTINCT "value") AS "d"
FROM (
  SELECT
    "status" AS "value"
  FROM "analytics"."orders"
  WHERE ("status" IS NOT NULL)
  LIMIT 16016
) AS "p";
-- params: []

-- query 12: top 5 values of status (only when needed); metrics #22
SELECT
  "status" AS "__dc_value",
  count(*) AS "__dc_count",
  count(*) OVER () AS "__dc_distinct"
FROM "analytics"."orders"
WHERE ("status" IS NOT NULL)
GROUP BY "status"
ORDER BY count(*) DESC, ("status" COLLATE "C")
LIMIT 5;
-- params: []

-- query 13: order_id values missing from customers.id; metrics #23
SELECT
  count(*) AS "considered",
  count(*) FILTER (WHERE (NOT EXISTS (SELECT
      1 AS "one"
    FROM "analytics"."customers" AS "r"
    WHERE ("r"."id" = "t"."order_id")))) AS "failed"
FROM "analytics"."orders" AS "t"
WHERE ("t"."order_id" IS NOT NULL);
-- params: []

-- query 14: rows of order_id missing from customers (only when needed); metrics #23
SELECT
  *
FROM (
  SELECT
    *,
    row_number() OVER () AS "__dc_row"
  FROM "analytics"."orders"
) AS "t"
WHERE (("t"."order_id" IS NOT NULL) AND (NOT EXISTS (SELECT
      1 AS "one"
    FROM "analytics"."customers" AS "r"
    WHERE ("r"."id" = "t"."order_id"))))
LIMIT 5;
-- params: []

-- from the catalog, no rows read: #0
-- not pushed down: #19 (sql.unsupported) predicate_failures cannot be pushed down to postgres: the regular expression /(?<=@)x/ cannot run in postgres: lookahead and lookbehind are not supported in SQL (at position 0 of /(?<=@)x/)
