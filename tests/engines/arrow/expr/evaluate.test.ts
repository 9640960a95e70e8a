import { describe, expect, it } from 'vitest';
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Int64,
  LargeUtf8,
  RecordBatch,
  TimestampMicrosecond,
  Utf8,
  makeData,
  vectorFromArray,
  Struct,
  Field,
  Schema,
} from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import { parseExpr } from '../../../../src/expr/parse-expr.js';
import { evaluatePredicate } from '../../../../src/engines/arrow/expr/evaluate.js';
import { issueOf } from '../../../support/issue-of.js';

/** A batch from named Arrow vectors (nullable fields). */
function batchOf(cols: Record<string, Vector>): RecordBatch {
  const fields = Object.entries(cols).map(([name, v]) => new Field(name, v.type, true));
  const n = Object.values(cols)[0].length;
  return new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length: n, children: Object.values(cols).map((v) => v.data[0]), nullCount: 0 }),
  );
}

const NOW = new Date('2024-05-10T15:30:00Z');
const T = 1,
  F = 0,
  N = 2;
const evalOn = (batch: RecordBatch, text: string) => Array.from(evaluatePredicate(parseExpr(text), batch, { now: NOW }));

const people = batchOf({
  id: vectorFromArray([1n, 2n, 3n, null, 9007199254740993n], new Int64()),
  amount: vectorFromArray([10.5, null, NaN, -3, 0], new Float64()),
  plain: vectorFromArray(['a@x.io', 'bad', null, 'ÄÖ@é.de', ''], new Utf8()),
  large: vectorFromArray(['a', 'b', null, 'd', 'e'], new LargeUtf8()),
  status: vectorFromArray(['placed', 'shipped', null, 'placed', 'returned'], new Dictionary(new Utf8(), new Int32())),
  ok: vectorFromArray([true, false, null, true, false], new Bool()),
});

describe('evaluatePredicate: three-valued logic', () => {
  it('gives null for comparisons with null, and NaN compares false', () => {
    expect(evalOn(people, 'amount > 0')).toEqual([T, N, F, F, F]);
    expect(evalOn(people, 'amount != 0')).toEqual([T, N, T, T, F]);
    expect(evalOn(people, 'amount = null')).toEqual([N, N, N, N, N]);
  });

  it('and: false beats null beats true; or: true beats null beats false; not keeps null', () => {
    expect(evalOn(people, 'amount > 0 and ok')).toEqual([T, F, F, F, F]);
    expect(evalOn(people, 'amount > 0 or ok is null')).toEqual([T, N, T, F, F]);
    expect(evalOn(people, 'amount > 100 or ok is null')).toEqual([F, N, T, F, F]);
    expect(evalOn(people, 'amount > 0 or ok')).toEqual([T, N, N, T, F]);
    expect(evalOn(people, 'not (amount > 0)')).toEqual([F, N, T, T, T]);
  });

  it('is null treats NaN as a value; is_nan finds it', () => {
    expect(evalOn(people, 'amount is null')).toEqual([F, T, F, F, F]);
    expect(evalOn(people, 'amount is not null')).toEqual([T, F, T, T, T]);
    expect(evalOn(people, 'is_nan(amount)')).toEqual([F, N, T, F, F]);
    expect(evalOn(people, 'status is null and plain is null and large is null')).toEqual([F, F, T, F, F]);
  });

  it('in and between follow SQL: a null in the list turns a miss into null', () => {
    expect(evalOn(people, "status in ('placed', 'shipped')")).toEqual([T, T, N, T, F]);
    expect(evalOn(people, "status not in ('placed')")).toEqual([F, T, N, F, T]);
    expect(evalOn(people, "status in ('placed', null)")).toEqual([T, N, N, T, N]);
    expect(evalOn(people, 'amount between -3 and 10')).toEqual([F, N, F, T, T]);
    expect(evalOn(people, 'amount not between -3 and 10')).toEqual([T, N, T, F, F]);
    expect(evalOn(people, 'id in (1, 3)')).toEqual([T, F, T, N, F]);
  });
});

describe('evaluatePredicate: values', () => {
  it('reads int64 (beyond 2^53 approximately) and arithmetic', () => {
    expect(evalOn(people, 'id * 2 - 1 >= 3')).toEqual([F, T, T, N, T]);
    expect(evalOn(people, 'id % 2 = 1')).toEqual([T, F, T, N, F]);
    expect(evalOn(people, 'amount / 0 is null')).toEqual([T, T, T, T, T]);
    expect(evalOn(people, 'abs(amount) = 3 or -amount = -10.5')).toEqual([T, N, F, T, F]);
  });

  it('compares plain, large and dictionary strings, and applies string functions', () => {
    expect(evalOn(people, "plain = 'bad'")).toEqual([F, T, N, F, F]);
    expect(evalOn(people, "plain != 'bad'")).toEqual([T, F, N, T, T]);
    expect(evalOn(people, "plain in ('bad', 'ÄÖ@é.de')")).toEqual([F, T, N, T, F]);
    expect(evalOn(people, "large >= 'b'")).toEqual([F, T, N, T, T]);
    expect(evalOn(people, "upper(status) = 'PLACED'")).toEqual([T, F, N, T, F]);
    expect(evalOn(people, 'length(plain) = 7')).toEqual([F, F, N, T, F]);
    expect(evalOn(people, "trim(lower(' AB ')) = 'ab'")).toEqual([T, T, T, T, T]);
    expect(evalOn(people, "coalesce(plain, 'none') = 'none'")).toEqual([F, F, T, F, F]);
  });

  it('matches regexes (with flags) on plain and dictionary strings', () => {
    expect(evalOn(people, "matches(plain, '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')")).toEqual([T, F, N, T, F]);
    expect(evalOn(people, "matches(status, '^P', 'i')")).toEqual([T, F, N, T, F]);
    expect(evalOn(people, "not matches(status, 'ed$')")).toEqual([F, F, N, F, F]);
  });

  it('compares dates and timestamps with ISO strings, now(), current_date and intervals', () => {
    const day = 86_400_000;
    const batch = batchOf({
      d: vectorFromArray([new Date('2024-05-01'), new Date('2024-05-09'), null], new DateDay()),
      ts: makeVec(new TimestampMicrosecond(), [
        BigInt(Date.parse('2024-05-10T15:00:00Z')) * 1000n,
        BigInt(Date.parse('2024-05-08T00:00:00Z')) * 1000n,
        0n,
      ]),
    });
    expect(evalOn(batch, "d >= '2024-05-02'")).toEqual([F, T, N]);
    expect(evalOn(batch, 'd >= current_date - 7')).toEqual([F, T, N]);
    expect(evalOn(batch, "ts >= now() - interval '24 hours'")).toEqual([T, F, F]);
    expect(evalOn(batch, "ts between '2024-05-08' and '2024-05-08 00:00:00'")).toEqual([F, T, F]);
    expect(evalOn(batch, 'ts - d > 0')).toEqual([T, F, N]);
    expect(day).toBe(86_400_000);
  });
});

function makeVec(type: TimestampMicrosecond, values: bigint[]): Vector {
  return vectorFromArray(
    values.map((v) => Number(v / 1000n)).map((ms) => new Date(ms)),
    type,
  );
}

describe('evaluatePredicate: errors', () => {
  it('names a missing column', () => {
    const issue = issueOf(() => evalOn(people, 'nope > 1'));
    expect(issue.code).toBe('expr.unknown_column');
    expect(issue.message).toBe("unknown column 'nope'");
    expect(issue.expected).toContain('amount');
  });

  it('names an invalid regex and the JavaScript error', () => {
    const issue = issueOf(() => evalOn(people, "matches(plain, '([a-z')"));
    expect(issue.code).toBe('expr.regex');
    expect(issue.message).toMatch(/^invalid regular expression \/\(\[a-z\/: .+/);
    expect(issue.found).toBe('([a-z');
  });

  it('refuses comparing a string column with a number, and a bad ISO literal', () => {
    expect(issueOf(() => evalOn(people, 'status > 5')).code).toBe('expr.type');
    const batch = batchOf({ d: vectorFromArray([new Date('2024-05-01')], new DateDay()) });
    expect(issueOf(() => evalOn(batch, "d > 'yesterday'")).code).toBe('expr.bad_literal');
    expect(issueOf(() => evalOn(people, 'amount')).code).toBe('expr.type');
  });
});

describe('in-lists as large as a referenced key set', () => {
  it('answers exactly like a small list, for plain and large Utf8, with non-ASCII keys and nulls', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `key-${i}-ü`);
    const values = ['key-3-ü', 'key-3-u', null, 'key-499-ü', 'nope', ''];
    const expected = [T, F, N, T, F, F];
    const list = keys.map((k) => `'${k}'`).join(', ');
    for (const type of [new Utf8(), new LargeUtf8()]) {
      const batch = batchOf({ k: vectorFromArray(values, type) });
      expect(evalOn(batch, `k in (${list})`)).toEqual(expected);
      expect(evalOn(batch, `k in ('key-3-ü', 'key-499-ü')`)).toEqual(expected);
    }
  });
});
