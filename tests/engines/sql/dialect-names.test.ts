import { describe, expect, it } from 'vitest';
import { DIALECT_NAMES } from '../../../src/engines/sql/dialects/dialect-names.js';
import { DIALECTS } from '../../../src/engines/sql/dialects/index.js';

describe('the dialect registry', () => {
  it('files each dialect under its own name, one per name of DIALECT_NAMES (the --dialect choices)', () => {
    expect(Object.keys(DIALECTS)).toEqual([...DIALECT_NAMES]);
    for (const name of DIALECT_NAMES) expect(DIALECTS[name].name).toBe(name);
  });
});
