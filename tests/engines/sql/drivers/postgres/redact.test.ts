import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionRedactor, redactUrlCredentials, redactValues } from '../../../../../src/engines/sql/drivers/postgres/redact.js';

describe('redacting connection secrets from messages', () => {
  const password = 's3cr:t@/pw%';
  const url = `postgres://reader:${encodeURIComponent(password)}@db.internal:5432/shop?sslmode=verify-full`;
  const redact = connectionRedactor(url, [password]);

  it('removes the whole URL', () => {
    expect(redact(`cannot parse ${url} here`)).toBe('cannot parse *** here');
  });

  it('removes the password as typed and percent-encoded', () => {
    expect(redact(`auth with ${password} failed`)).toBe('auth with *** failed');
    expect(redact(`auth with ${encodeURIComponent(password)} failed`)).toBe('auth with *** failed');
  });

  it('removes user:password@ of any URL, even one it was not told about', () => {
    expect(redact('see mysql://root:hunter2@other:3306/x')).toBe('see mysql://***@other:3306/x');
    expect(redactUrlCredentials('postgresql://u@h/db')).toBe('postgresql://***@h/db');
  });

  it('removes password settings in key=value and key: value forms', () => {
    expect(redactUrlCredentials('host=db password=hunter2 user=x')).toBe('host=db password=*** user=x');
    expect(redactUrlCredentials(`{"password": "hunter2"}`)).toBe(`{"password": ***}`);
  });

  it('leaves ordinary messages alone', () => {
    expect(redact('relation "orders" does not exist')).toBe('relation "orders" does not exist');
  });

  it('never lets a random password through, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (pw) => {
        fc.pre(!'***'.includes(pw));
        const u = `postgres://user:${encodeURIComponent(pw)}@h:5432/db`;
        const r = connectionRedactor(u, [pw]);
        for (const text of [u, pw, encodeURIComponent(pw), `could not connect to ${u}: bad password ${pw}`]) {
          expect(r(text)).not.toContain(pw);
        }
      }),
    );
  });
});

describe('redacting bound values from messages', () => {
  it('replaces each value (3+ characters) with a placeholder', () => {
    expect(redactValues('invalid input syntax for type integer: "jane@example.com"', ['jane@example.com', 7])).toBe(
      'invalid input syntax for type integer: "<bound value>"',
    );
  });

  it('looks inside array parameters', () => {
    expect(redactValues('bad value secret-one', [['x', 'secret-one']])).toBe('bad value <bound value>');
  });

  it('leaves very short values, which cannot identify anyone', () => {
    expect(redactValues('division by zero', ['o', 1])).toBe('division by zero');
  });
});
