import { describe, expect, it } from 'vitest';
import type { ContractChange } from '../../../src/lifecycle/diff/changes.js';
import { checkVersionBump } from '../../../src/lifecycle/diff/version-bump.js';

const breaking: ContractChange = { impact: 'breaking', kind: 'column.removed', message: 'x' };
const adding: ContractChange = { impact: 'non-breaking', kind: 'column.added_optional', message: 'x' };
const docs: ContractChange = { impact: 'informational', kind: 'description.changed', message: 'x' };

describe('checkVersionBump', () => {
  it('a breaking change needs a major bump from 1.0.0 on', () => {
    expect(checkVersionBump('1.2.0', '1.3.0', [breaking])).toMatchObject({ ok: false, required: 'major', made: 'minor' });
    expect(checkVersionBump('1.2.0', '1.3.0', [breaking]).problem).toContain('1.2.0 → 2.0.0');
    expect(checkVersionBump('1.2.0', '2.0.0', [breaking, adding])).toMatchObject({ ok: true, made: 'major' });
  });
  it('before 1.0.0 a minor bump announces a breaking change (as npm ^ ranges read 0.y)', () => {
    expect(checkVersionBump('0.3.1', '0.4.0', [breaking]).ok).toBe(true);
    expect(checkVersionBump('0.3.1', '0.3.2', [breaking]).ok).toBe(false);
  });
  it('additions need a minor bump, documentation a patch', () => {
    expect(checkVersionBump('1.0.0', '1.0.1', [adding])).toMatchObject({ ok: false, required: 'minor' });
    expect(checkVersionBump('1.0.0', '1.1.0', [adding]).ok).toBe(true);
    expect(checkVersionBump('1.0.0', '1.0.0', [docs])).toMatchObject({ ok: false, required: 'patch' });
    expect(checkVersionBump('1.0.0', '1.0.0', []).ok).toBe(true);
  });
  it('refuses a version that goes backwards, or is missing or not semver', () => {
    expect(checkVersionBump('2.0.0', '1.9.0', [breaking]).problem).toContain('went backwards');
    expect(checkVersionBump('1.0.0', undefined, [breaking]).problem).toContain('no version');
    expect(checkVersionBump('1.0.0', 'v2', [breaking]).problem).toContain('not semver');
  });
});
