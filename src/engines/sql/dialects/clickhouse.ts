import type { Dialect } from '../dialect.js';
import { JS_WHITESPACE } from '../js-whitespace.js';

/**
 * ClickHouse (measured on 18.16, Debian's package): backquoted identifiers, RE2 regexes through
 * `match` (a search), countIf, uniqExact behind count(DISTINCT), byte-wise (code-point) string order.
 *
 * Values are literals rendered by `clickhouseLiteral`, the one escaping function: 18.16 has no
 * server-side query parameters (`{s:String}` fails with "Unknown setting param_s"). A server
 * with them would rather take bound values; this dialect is written for the oldest one we run.
 *
 * 18.16 has no window functions: duplicates and top-value group counts are GROUP BY queries instead.
 * What it cannot do exactly, and so refuses (`sql.unsupported`):
 * - exact quantiles: `quantileExact` picks an element, it does not interpolate as quantile_cont does;
 * - correlated subqueries: referential checks by anti-join;
 * - `%` on fractions: ClickHouse's modulo truncates floats to integers first.
 * Aggregates over no value return NULL, as elsewhere: ClickHouse's own sum/min/max of an empty,
 * non-Nullable input is 0 and avg is nan, so each is guarded by the count of its input.
 */
export const clickhouseDialect: Dialect = {
  name: 'clickhouse',
  quoteIdent: quoteClickhouseIdent,
  param: () => {
    throw new Error('the clickhouse dialect renders values as literals (clickhouseLiteral), never as parameters');
  },
  literal: clickhouseLiteral,
  booleans: { TRUE: '1', FALSE: '0' },
  // 18.16 folds not(not(x)) in one place of a query and not in another, then cannot find the
  // column it expects ("Not found column ... in block"); x = 0 is the same three-valued negation.
  not: (x) => `(${x} = 0)`,
  inList,
  // A plain IN (SELECT ...) inside a query on a Distributed table runs the subquery on each shard
  // over that shard's rows only; GLOBAL IN runs it once and sends the one set to every shard.
  inSelect: 'GLOBAL IN',
  logic,
  nanDistinctEach: true,
  uint8Booleans: true,
  signedZeroGroups: true,
  filterClause: false,
  countIf: (c) => `countIf(${c})`,
  fns: {
    length: (a) => `lengthUTF8(${a[0]})`,
    // trim's characters are always JavaScript's whitespace (compile-expr), spelled out for RE2.
    // upperUTF8, lowerUTF8 and replaceRegexpAll fail on a Nullable argument in 18.16 ("Illegal column for DataTypeNullable").
    trim: (a) =>
      notNull(a[0], (x) => `replaceRegexpAll(${x}, ${clickhouseLiteral(`^[${RE2_WHITESPACE}]+|[${RE2_WHITESPACE}]+$`)}, '')`, "''"),
    upper: (a) => notNull(a[0], (x) => `upperUTF8(${x})`, "''"),
    lower: (a) => notNull(a[0], (x) => `lowerUTF8(${x})`, "''"),
    is_nan: (a) => `isNaN(${a[0]})`,
    // coalesce(), ifNull() and if() of a Nullable column and a Nullable constant fail in 18.16
    // ("Illegal column for DataTypeNullable", "Illegal columns String and Const(Nullable(String))");
    // multiIf does not.
    coalesce: (a) =>
      `multiIf(${a
        .slice(0, -1)
        .flatMap((x) => [`isNotNull(${x})`, x])
        .join(', ')}, ${a[a.length - 1]})`,
    // toDateTime(x, 'UTC') reads a Date as midnight UTC and keeps a DateTime's instant, whatever
    // the server's time zone. DateTime has whole seconds, so milliseconds are whole thousands.
    epoch_ms: (a) => `(toInt64(toUnixTimestamp(toDateTime(${a[0]}, 'UTC'))) * 1000)`,
    count_distinct: (a) => `uniqExact(${a[0]})`,
    approx_count_distinct: (a) => `uniqHLL12(${a[0]})`,
    approx_quantile: (a) => `quantileTDigest(${a[1]})(${a[0]})`,
    ln: (a) => `log(${a[0]})`,
    sum: (a) => guarded(`sum(${a[0]})`, a[0], 1),
    min: (a) => guarded(`min(${a[0]})`, a[0], 1),
    max: (a) => guarded(`max(${a[0]})`, a[0], 1),
    avg: (a) => guarded(`avg(${a[0]})`, a[0], 1),
    // varSamp of one value is nan; the sample variance of fewer than two values is NULL elsewhere.
    var_samp: (a) => guarded(`varSamp(${a[0]})`, a[0], 2),
  },
  castType: {
    double: 'Nullable(Float64)',
    varchar: 'Nullable(String)',
    bigint: 'Nullable(Int64)',
    boolean: 'Nullable(UInt8)',
    date: 'Nullable(Date)',
    timestamp: 'Nullable(DateTime)',
  },
  // match() reads its pattern as a C string: a NUL would end it, so it is RE2's escape \x00.
  regex: (s, p, ci, bind) => `match(${s}, ${bind((ci ? `(?i)${p}` : p).replaceAll('\0', '\\x00'))})`,
  // Integer modulo by zero throws in ClickHouse even on rows a NULL or a CASE leaves out (both
  // sides are computed for every row), so a zero or NULL divisor becomes 1 inside and NULL outside.
  remainder: (l, r) => `if(ifNull(${r}, 0) = 0, NULL, ${l} % ifNull(nullIf(${r}, 0), 1))`,
  regexFeatures: { nonCapturing: true, lazy: true, wordBoundary: true, anyChar: '(?s:.)', caseFoldsAsciiOnly: true },
  // String compares bytes; UTF-8 byte order is code-point order.
  binaryCollate: (e) => e,
  // system.functions on 18.16 lists no JSON function besides visitParam*, which extract without validating.
  noJsonValid: 'ClickHouse 18.16 has no JSON validity test (isValidJSON came in a later release)',
  rowNumber: '(rowNumberInAllBlocks() + 1)',
  // uniqHLL12: HyperLogLog with 2^12 cells (ClickHouse's documentation), so 1.04 / 64 = 1.625%.
  approximate: {
    distinct: { method: 'hll', p: 12, relativeStandardError: 1.04 / 64 },
    quantile: { method: 'tdigest', bound: null, note: 'ClickHouse quantileTDigest (t-digest); t-digest has no worst-case bound' },
  },
  gaps: ['exact_quantile', 'window', 'correlated_subquery', 'float_remainder'],
};

/**
 * SQL's AND and OR (Kleene logic: false AND NULL is false, true OR NULL is true). 18.16's and()
 * and or() answer NULL AND 0 with NULL and 0 OR NULL with 0, which NOT then turns into wrong
 * failing-row counts; so the decisive value is tested first, then NULL, then the other value.
 */
function logic(op: 'AND' | 'OR', args: string[]): string {
  const decisive = op === 'AND' ? 0 : 1;
  const isDecisive = args.map((a) => (op === 'AND' ? `(ifNull(${a}, 1) = 0)` : `(ifNull(${a}, 0) != 0)`)).join(' OR ');
  const anyNull = args.map((a) => `isNull(${a})`).join(' OR ');
  return `multiIf(${isDecisive}, ${decisive}, ${anyNull}, NULL, ${1 - decisive})`;
}

/**
 * SQL's IN with a NULL in the list: true on a match, else unknown (NOT IN: false on a match, else
 * unknown). ClickHouse leaves the NULL out of the set and answers false, so the NULL is taken out
 * here and put back as the unknown.
 */
function inList(arg: string, list: string[], negate: boolean): string {
  const values = list.filter((x) => x !== 'NULL');
  const test = values.length > 0 ? `(${arg} IN (${values.join(', ')}))` : '0';
  // NULL IN (...) is 0 in ClickHouse; in SQL it is unknown.
  const known = values.length === list.length ? (negate ? `(${test} = 0)` : test) : `if(${test}, ${negate ? 0 : 1}, NULL)`;
  return `if(isNull(${arg}), NULL, ${known})`;
}

/** f(x) on the non-null x (NULL stays NULL): some 18.16 string functions refuse a Nullable argument. */
function notNull(x: string, f: (x: string) => string, empty: string): string {
  return `if(isNull(${x}), NULL, ${f(`ifNull(${x}, ${empty})`)})`;
}

/** `agg(x)` when at least `min` values of x are not NULL, else NULL (count() skips NULLs). */
function guarded(agg: string, arg: string, min: number): string {
  return `if(count(${arg}) >= ${min}, ${agg}, NULL)`;
}

/** JavaScript's whitespace as RE2 escapes (`\x{hhhh}`), so the pattern text is plain ASCII. */
const RE2_WHITESPACE = [...JS_WHITESPACE].map((c) => `\\x{${c.codePointAt(0)!.toString(16)}}`).join('');

/**
 * `name` in backquotes. ClickHouse reads backslash escapes inside them, so backslashes and
 * backquotes are escaped; a NUL cannot be named.
 */
export function quoteClickhouseIdent(id: string): string {
  if (id.includes('\0')) throw new Error('a ClickHouse identifier cannot contain a NUL character');
  return `\`${escapeText(id, '`')}\``;
}

/**
 * The one function that turns a value into ClickHouse SQL text. Strings are quoted with every
 * backslash, quote and control character escaped (`\xHH`; non-ASCII text is sent as its UTF-8
 * bytes, which ClickHouse keeps as they are); numbers are finite decimals or nan/inf, negative ones
 * in parentheses (so `a - -1` cannot become the comment `a --1`); booleans are 1 and 0 (18.16 has no
 * Bool type); bigints are digits; null is NULL. Anything else is refused rather than guessed.
 */
export function clickhouseLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return v < 0n ? `(${v})` : String(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '(-inf)';
    // -0 keeps its sign as a float literal (the integer -0 would be 0).
    if (Object.is(v, -0)) return '(-0.0)';
    // 18.16's parser refuses subnormal literals (5e-324) and toFloat64('5e-324') is 0: the
    // double is sent as its IEEE bits instead.
    if (v !== 0 && Math.abs(v) < 2.2250738585072014e-308) return `reinterpretAsFloat64(reinterpretAsString(toUInt64(${doubleBits(v)})))`;
    return v < 0 ? `(-${String(-v)})` : String(v);
  }
  if (typeof v === 'string') {
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v))
      throw new Error('a string with a lone UTF-16 surrogate has no UTF-8 form to send to ClickHouse');
    return `'${escapeText(v, "'")}'`;
  }
  if (Array.isArray(v)) return `[${v.map(clickhouseLiteral).join(', ')}]`;
  throw new Error(`no ClickHouse literal for a value of type ${typeof v}`);
}

/** The IEEE 754 bits of a double as an unsigned decimal. */
function doubleBits(v: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString();
}

/** Backslash-escapes the backslash, the quote character and every ASCII control character. */
function escapeText(s: string, quote: string): string {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out;
}
