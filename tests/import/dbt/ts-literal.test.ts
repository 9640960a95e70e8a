import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, lit } from '../../../src/import/dbt/ts-literal.js';

describe('values from dbt YAML written into generated TypeScript', () => {
  it('a string literal reads back as exactly the string, whatever it holds', () => {
    const hostile = ["it's", 'back\\slash', "'); process.exit(1); //", 'line\nbreak\r\u2028\u2029', '$' + '{x}`'];
    for (const s of [...hostile, ...fc.sample(fc.string({ unit: 'binary' }), 200)]) {
      // biome-ignore lint/security/noGlobalEval: the point is to read the literal back as JavaScript does
      expect((0, eval)(lit(s))).toBe(s);
    }
  });

  it('lists and objects of values', () => {
    expect(lit(['a', 1, true, null])).toBe("['a', 1, true, null]");
    // biome-ignore lint/security/noGlobalEval: as above
    expect((0, eval)(`(${lit({ 'odd key': "v'" })})`)).toEqual({ 'odd key': "v'" });
  });

  it('comment text stays on one line and cannot end a block comment', () => {
    expect(commentText('a */ b\nc')).toBe('a * / b c');
  });
});
